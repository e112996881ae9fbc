package dev.quarry.relationdetails;

import dev.quarry.Q;
import dev.quarry.RelatedManager;
import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;

/** A nullable foreign key limited to active writers (Django's callable limit_choices_to). */
public class Novel extends Model {
    public static final Manager<Novel> objects = Manager.of(Novel.class);

    @CharField(maxLength = 50)
    public String title;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "novels", limitChoicesTo = "activeWriters")
    public Ref<Writer> writer;

    static Q activeWriters() {
        return Q.of("active", true);
    }

    /** The chapters (a foreign key that is not nullable: set() only adds). */
    public RelatedManager<Chapter> chapters() {
        return related("chapters", Chapter.class);
    }

    @Override
    public String toString() {
        return title;
    }
}
