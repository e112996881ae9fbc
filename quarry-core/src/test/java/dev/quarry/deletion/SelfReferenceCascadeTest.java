package dev.quarry.deletion;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.ExecutedQuery;
import dev.quarry.test.Queries;
import dev.quarry.test.QuarryTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deleting rows of a model that refers to itself works on every backend. MariaDB checks foreign keys
 * row by row within one statement ("Cannot delete or update a parent row" when a comment went before
 * its replies); PostgreSQL and SQLite check Quarry's deferred keys at commit. Rows are deleted level by
 * level, replies before what they reply to, whatever the chunk of the IN list they fall in.
 */
// Vote is registered before Comment, so deleting a topic reaches Vote (through Vote.topic) before Comment.
@QuarryTest(models = {Topic.class, Vote.class, Comment.class})
class SelfReferenceCascadeTest {

    private static Comment saved(String text, Comment parent) {
        Comment c = Comment.of(text, parent);
        c.save();
        return c;
    }

    private static long deletes(List<ExecutedQuery> run) {
        return run.stream().filter(q -> q.sql().startsWith("DELETE")).count();
    }

    @Test
    void deletingACommentDeletesItsReplyChainSeveralLevelsDeep(Queries queries) {
        Comment root = saved("root", null);
        Comment parent = root;
        for (int i = 1; i <= 5; i++) {
            parent = saved("reply " + i, parent);
        }
        Comment other = saved("other", null);
        // Per collected level one SELECT per relation that refers to Comment (votes, replies, quotedBy):
        // 6 x 3; then one DELETE per level, the deepest reply first: 6.
        List<ExecutedQuery> run = queries.assertNumQueries(24, () -> {
            assertThat(root.delete()).isEqualTo(Map.of("Comment", 6));
        });
        assertThat(deletes(run)).isEqualTo(6);
        assertThat(Comment.objects.valuesList("text", String.class).list()).containsExactly("other");
        assertThat(other.pk()).isNotNull();
    }

    @Test
    void deletingTheRootOfAWideTreeDeletesItLevelByLevel(Queries queries) {
        Comment root = saved("root", null);
        List<Comment> replies = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            replies.add(Comment.of("reply " + i, root));
        }
        Comment.objects.bulkCreate(replies);
        List<Comment> nested = new ArrayList<>();
        for (Comment r : replies) {
            for (int j = 0; j < 5; j++) {
                nested.add(Comment.of(r.text + "." + j, r));
            }
        }
        Comment.objects.bulkCreate(nested);
        // Three levels: 3 x 3 SELECTs, 3 DELETEs.
        List<ExecutedQuery> run = queries.assertNumQueries(12, () -> {
            assertThat(root.delete()).isEqualTo(Map.of("Comment", 241));
        });
        assertThat(deletes(run)).isEqualTo(3);
        assertThat(Comment.objects.count()).isZero();
    }

    @Test
    void deletingATopicDeletesItsCommentsAndEveryReplyToThem() {
        Topic topic = new Topic();
        topic.title = "t";
        topic.save();
        Comment parent = null;
        for (int i = 0; i < 4; i++) {
            Comment c = Comment.of("c" + i, parent);
            c.topic.set(topic);
            c.save();
            saved("loose reply " + i, c);
            parent = c;
        }
        // The loose replies have no topic but reply to the topic's comments: CASCADE takes them too.
        assertThat(topic.delete()).isEqualTo(Map.of("Topic", 1, "Comment", 8));
        assertThat(Comment.objects.count()).isZero();
    }

    @Test
    void aModelReachedAlongTwoPathsIsDeletedBeforeEveryModelItRefersTo() {
        Topic topic = new Topic();
        topic.title = "t";
        topic.save();
        Comment c = Comment.of("c", null);
        c.topic.set(topic);
        c.save();
        for (int i = 0; i < 3; i++) {
            Vote v = new Vote();
            v.topic.set(topic);
            v.comment.set(c);
            v.save();
        }
        // Collected as Topic, Vote, Comment; deleted as Vote, Comment, Topic (Vote refers to Comment).
        assertThat(topic.delete()).isEqualTo(Map.of("Topic", 1, "Comment", 1, "Vote", 3));
        assertThat(Vote.objects.count()).isZero();
    }

    @Test
    void aQuerySetMatchingCommentsAndTheirRepliesTogetherDeletesThem() {
        Comment a = saved("a", null);
        Comment a1 = saved("a1", a);
        saved("a2", a1);
        saved("b", a1);
        Comment keep = saved("keep", null);
        saved("keep1", keep);
        // The matched rows are one batch (a, a1, a2) that refer to each other; b goes as a reply of a1.
        assertThat(Comment.objects.filter("text__startswith", "a").delete()).isEqualTo(Map.of("Comment", 4));
        assertThat(Comment.objects.orderBy("text").valuesList("text", String.class).list()).containsExactly("keep", "keep1");
    }

    @Test
    void aReplyQuotingItsSiblingGoesBeforeItAndQuotesFromOutsideAreCleared() {
        Comment root = saved("root", null);
        Comment first = saved("first", root);
        Comment second = Comment.of("second", root);
        second.quotes.set(first);
        second.save();
        Comment outside = Comment.of("outside", null);
        outside.quotes.set(first);
        outside.save();
        assertThat(root.delete()).isEqualTo(Map.of("Comment", 3));
        Comment left = Comment.objects.get("text", "outside");
        assertThat(left.quotes.id()).isNull();
    }

    @Test
    void aLevelWiderThanOneStatementIsDeletedInChunksAfterItsReplies(Queries queries) {
        Comment root = saved("root", null);
        List<Comment> replies = new ArrayList<>();
        for (int i = 0; i < 32_100; i++) {
            replies.add(Comment.of("r" + i, root));
        }
        Comment.objects.bulkCreate(replies);
        // Replies on both sides of the 32,000-key chunk boundary have replies of their own.
        List<Comment> nested = List.of(Comment.of("n1", replies.get(10)), Comment.of("n2", replies.get(32_050)));
        Comment.objects.bulkCreate(nested);
        List<ExecutedQuery> run = queries.captured(() -> {
            assertThat(root.delete()).isEqualTo(Map.of("Comment", 32_103));
        });
        // Level 1: the two nested replies and the 32,098 replies without replies (two chunks);
        // level 2: the two replies that had replies; level 3: the root.
        assertThat(deletes(run)).isEqualTo(4);
        assertThat(Comment.objects.count()).isZero();
    }
}
