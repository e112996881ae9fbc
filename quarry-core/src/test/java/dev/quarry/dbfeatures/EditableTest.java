package dev.quarry.dbfeatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.Quarry;
import dev.quarry.ValidationError;
import dev.quarry.test.QuarryTest;
import dev.quarry.times.Stamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code editable = false} as Django 3.2's {@code full_clean()} treats it ({@code django_db_features.py}):
 * {@code Field.validate} is skipped, so a non-editable field is not checked for null, blank or choices, while
 * its validators still run on a value ("editable toolong [...at most 3 characters (it has 7).]"); and
 * {@code autoNow}/{@code autoNowAdd} fields are not editable ("editable fields locked False auto False").
 */
@QuarryTest(models = {Ticket.class, Stamp.class})
class EditableTest {

    private static Ticket ticket(String locked) {
        Ticket t = Ticket.titled("t");
        t.locked = locked;
        return t;
    }

    @Test
    void fullCleanSkipsNullBlankAndChoicesButKeepsValidators() {
        ticket("").fullClean();                       // "editable empty ok"
        ticket(null).fullClean();                     // "editable none ok"
        ticket("Z").fullClean();                      // "editable bad choice ok"
        assertThatThrownBy(() -> ticket("toolong").fullClean()).isInstanceOf(ValidationError.class)
                .satisfies(e -> assertThat(((ValidationError) e).fieldErrors())
                        .isEqualTo(Map.of("locked", List.of("Ensure this value has at most 3 characters (it has 7)."))));
    }

    @Test
    void fieldInfoSaysWhichFieldsAreEditable(Quarry quarry) {
        assertThat(quarry.model(Ticket.class).field("locked").editable()).isFalse();
        assertThat(quarry.model(Ticket.class).field("title").editable()).isTrue();
        assertThat(quarry.model(Stamp.class).field("created").editable()).isFalse();
    }
}
