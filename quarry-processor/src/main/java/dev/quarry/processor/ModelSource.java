package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * What the processor read of one model: its value fields and its relations (forward ones from its own
 * fields and its ancestors', reverse ones added once every model of the round is read). A multi-table
 * child has its parents' value fields, relations and parent links, and their reverse sides but those of
 * their parent links, as Django's {@code _meta.get_fields()}.
 *
 * @param element the model class
 * @param type the model's class name
 * @param fields the value fields, primary key first, then {@code pk}
 * @param links the relations, forward then reverse
 */
record ModelSource(TypeElement element, ClassName type, List<Field> fields, List<Link> links) {
    /** How a value field is typed in the metamodel. */
    enum Kind { STRING, NUMBER, BOOLEAN, DATE, DATETIME, COMPARABLE, OTHER }

    /**
     * A value field.
     *
     * @param member the metamodel member's name (the Java field name)
     * @param queryName the name lookups use ({@code published_date})
     * @param kind the path type
     * @param valueType the boxed Java type of the values
     * @param rawType the class literal's type (the erasure of {@code valueType})
     */
    record Field(String member, String queryName, Kind kind, TypeName valueType, TypeName rawType) {}

    /**
     * A relation as one side sees it.
     *
     * @param member the metamodel member's name (the Java field name forward, the query name reverse)
     * @param queryName the name lookups use
     * @param accessor the name {@code prefetchRelated} uses
     * @param many whether it reaches many rows
     * @param target the model at the far end
     * @param origin the declaring field (the child class for a parent link), for messages
     */
    record Link(String member, String queryName, String accessor, boolean many, TypeElement target, Element origin) {}

    /**
     * A forward relation with the names its reverse side is built from.
     *
     * @param source the declaring model
     * @param field the declaring field, or for a parent link the child class (where messages point)
     * @param name the declaring field's Java name ({@code storePtr} for a parent link), for messages
     * @param target the model pointed at
     * @param relatedName {@code relatedName} as declared ({@code ""} when not)
     * @param relatedQueryName {@code relatedQueryName} as declared
     * @param oneToOne whether it is a one-to-one field
     * @param manyToMany whether it is a many-to-many field
     * @param symmetrical whether it is a symmetrical many-to-many of a model to itself (no reverse side)
     * @param parentLink whether it is a multi-table child's link to its parent ({@code store_ptr}), whose reverse
     *     side ({@code kiosk} on Store) the parent's other children do not inherit
     */
    record Forward(TypeElement source, Element field, String name, TypeElement target, String relatedName,
                   String relatedQueryName, boolean oneToOne, boolean manyToMany, boolean symmetrical, boolean parentLink) {
        /** {@code Kiosk.storePtr}: the field as the core's messages name it. */
        String label() {
            return source.getSimpleName() + "." + name;
        }
    }

    /** The names of the members, to find clashes. */
    List<String> memberNames() {
        List<String> out = new ArrayList<>();
        fields.forEach(f -> out.add(f.member()));
        links.forEach(l -> out.add(l.member()));
        return out;
    }
}
