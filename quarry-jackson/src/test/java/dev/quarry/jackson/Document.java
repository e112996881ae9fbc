package dev.quarry.jackson;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.JSONField;
import java.util.List;
import java.util.Map;

/** JSON fields of several Java types. */
public class Document extends Model {
    public static final Manager<Document> objects = Manager.of(Document.class);

    @CharField(maxLength = 20)
    public String name = "d";

    @JSONField(nullable = true)
    public Map<String, Object> data;

    /** An empty array by default, fresh in every instance. */
    @JSONField(defaultValue = "[]", blank = true)
    public List<String> tags;

    @JSONField(nullable = true)
    public Settings settings;

    @JSONField(nullable = true)
    public Object anything;

    static Document of(String name, Map<String, Object> data) {
        Document d = new Document();
        d.name = name;
        d.data = data;
        return d;
    }
}
