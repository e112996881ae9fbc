package dev.quarry.inheritance;

import dev.quarry.Manager;
import dev.quarry.annotation.TextField;

/** A concrete subclass of the abstract Content: one table with Content's columns and its own. */
public class Article extends Content {
    public static final Manager<Article> objects = Manager.of(Article.class);

    @TextField(blank = true)
    public String body = "";
}
