package dev.meridian.dataset;

import java.util.SplittableRandom;

/** Plausible, pronounceable names made from syllables, the same for the same random sequence. */
final class Names {

    private static final String[] SYLLABLES = {"al", "ber", "cal", "dor", "el", "fen", "gar", "hol", "in", "jen",
            "kel", "lan", "mar", "nor", "or", "pel", "quin", "ros", "san", "tor", "ul", "ven", "wil", "yor", "zan"};
    private static final String[] PLACE_WORDS = {"Corner", "House", "Garden", "Terrace", "Hall", "Market", "Station",
            "Works", "Yard", "Court", "Point", "Square", "Lodge", "Mill", "Harbor"};
    private static final String[] FIRST = {"Ada", "Ben", "Cleo", "Dev", "Eva", "Finn", "Gia", "Hugo", "Iris", "Jon",
            "Kai", "Lea", "Milo", "Nia", "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tess"};

    private final SplittableRandom random;

    Names(SplittableRandom random) {
        this.random = random;
    }

    /** A capitalised word of two or three syllables. */
    String word() {
        var word = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int i = 0; i < syllables; i++) {
            word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
        return word.toString();
    }

    String place(String category) {
        return word() + " " + PLACE_WORDS[random.nextInt(PLACE_WORDS.length)] + " " + category;
    }

    String person() {
        return FIRST[random.nextInt(FIRST.length)] + " " + word();
    }
}
