package dev.quarry.inheritance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.Quarry;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An abstract base (a Java {@code abstract} class, Django's {@code abstract = True}): Article and Video each
 * get a table with Content's columns, Content's default ordering, and their own reverse name on Tag from the
 * {@code %(class)s_items} related name. Expected values come from Django 3.2 ({@code django_inheritance.py}).
 */
@QuarryTest(models = {Tag.class, Article.class, Video.class})
class AbstractBaseTest {

    private static Tag rows() {
        Tag news = Tag.objects.create(Map.of("label", "news"));
        Article.objects.create(Map.of("title", "b", "tag", news));
        Article.objects.create(Map.of("title", "a", "tag", news));
        Article.objects.create(Map.of("title", "c"));
        Video.objects.create(Map.of("title", "v", "tag", news));
        return news;
    }

    @Test
    void eachSubclassHasTheBasesColumnsInATableOfItsOwn(Quarry quarry) {
        // Django: Article's concrete fields -> id, title, tag_id, body; its ordering ['-title'].
        assertThat(quarry.model(Article.class).fields()).extracting(f -> f.column())
                .containsExactly("id", "title", "tag_id", "body");
        assertThat(quarry.model(Article.class).ordering()).containsExactly("-title");
        assertThat(quarry.model(Article.class).abstractBases()).containsExactly(Content.class);
        assertThat(quarry.models()).extracting(m -> m.name()).doesNotContain("Content");
    }

    @Test
    void theBasesOrderingAndRelatedNamePlaceholderAreInherited(Queries queries) {
        Tag news = rows();
        // Django: Article.objects.all() -> ['c', 'b', 'a'] (ordering '-title' from the base), 1 query.
        queries.assertNumQueries(1, () -> assertThat(Article.objects.all().list()).extracting(a -> a.title)
                .containsExactly("c", "b", "a"));
        // Django: news.article_items -> ['a', 'b'] and news.video_items -> ['v'], 1 query each.
        queries.assertNumQueries(1, () -> assertThat(news.related("article_items", Article.class).all().list())
                .extracting(a -> a.title).containsExactly("b", "a"));
        queries.assertNumQueries(1, () -> assertThat(news.related("video_items", Video.class).all().list())
                .extracting(v -> v.title).containsExactly("v"));
        // Django: Tag.objects.filter(article_items__title='a') -> ['news'].
        assertThat(Tag.objects.filter("article_items__title", "a").valuesList("label", String.class).list())
                .containsExactly("news");
    }
}
