package dev.quarry.semantics;

/**
 * A small fixture shared by the semantics tests, built inside each test's transaction:
 *
 * <pre>
 * ann:   "Alpha" (2019, fantasy)        critiques: x=5, y=2
 *        "Beta"  (2021, scifi), editor bob   critiques: x=3
 * bob:   "Gamma" (2022, fantasy, scifi)  critiques: z=5
 * cat:   "Delta" (2018, no labels)      no critiques
 * dan:   no novels
 * </pre>
 */
final class Library {
    final Writer ann = Writer.of("Ann");
    final Writer bob = Writer.of("Bob");
    final Writer cat = Writer.of("Cat");
    final Writer dan = Writer.of("Dan");
    final Label fantasy = Label.of("fantasy");
    final Label scifi = Label.of("scifi");
    final Novel alpha = Novel.of("Alpha", ann, 2019, fantasy);
    final Novel beta = Novel.of("Beta", ann, 2021, scifi);
    final Novel gamma = Novel.of("Gamma", bob, 2022, fantasy, scifi);
    final Novel delta = Novel.of("Delta", cat, 2018);

    Library() {
        beta.editor.set(bob);
        beta.save();
        Critique.of(alpha, "x", 5);
        Critique.of(alpha, "y", 2);
        Critique.of(beta, "x", 3);
        Critique.of(gamma, "z", 5);
    }
}
