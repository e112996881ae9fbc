package dev.quarry.registry;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.TextField;

/** A member with a short name and a long bio, both text. */
public class Member extends Model {
    public static final Manager<Member> objects = Manager.of(Member.class);

    @CharField(maxLength = 20)
    public String name;

    @TextField(blank = true)
    public String bio = "";

    static Member of(String name) {
        Member m = new Member();
        m.name = name;
        m.save();
        return m;
    }
}
