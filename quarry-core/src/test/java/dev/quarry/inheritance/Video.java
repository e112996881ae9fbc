package dev.quarry.inheritance;

import dev.quarry.Manager;
import dev.quarry.annotation.IntegerField;

/** Another subclass of Content, with a table of its own. */
public class Video extends Content {
    public static final Manager<Video> objects = Manager.of(Video.class);

    @IntegerField
    public int seconds;
}
