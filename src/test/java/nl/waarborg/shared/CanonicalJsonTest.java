package nl.waarborg.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Hashes of frozen versions and audit events are taken over CanonicalJson.write, so its text must never change:
 * the direct route for plain values must give exactly the text of the tree route.
 */
class CanonicalJsonTest {

    @Test
    void plainValuesComeOutExactlyAsThroughTheTree() throws Exception {
        Random random = new Random(20261124L);
        for (int i = 0; i < 2_000; i++) {
            Object value = randomPlain(random, 4);
            assertThat(CanonicalJson.isPlain(value)).isTrue();
            assertThat(CanonicalJson.write(value))
                    .as("value %s", value)
                    .isEqualTo(CanonicalJson.writeThroughTree(value));
        }
    }

    @Test
    void keysAreSortedAtEveryLevelWhateverTheMapKind() {
        Map<String, Object> inner = new HashMap<>();
        inner.put("zeta", 1);
        inner.put("alfa", List.of(Map.of("y", true, "b", "x")));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("z", inner);
        outer.put("a", null);
        assertThat(CanonicalJson.write(outer))
                .isEqualTo("{\"a\":null,\"z\":{\"alfa\":[{\"b\":\"x\",\"y\":true}],\"zeta\":1}}");
    }

    @Test
    void otherValuesTakeTheTreeRouteAsBefore() throws Exception {
        List<Object> others = List.of(
                Map.of("amount", new BigDecimal("1.50")),
                Map.of("f", 1.1f),
                Map.of("at", Instant.parse("2026-11-24T05:00:00Z")),
                Map.of(7, "number key"),
                List.of(Double.NaN));
        for (Object value : others) {
            assertThat(CanonicalJson.isPlain(value)).as("%s", value).isFalse();
            assertThat(CanonicalJson.write(value)).isEqualTo(CanonicalJson.writeThroughTree(value));
        }
        // The tree route's own rule, kept for hashes taken before the direct route existed: decimals become doubles.
        assertThat(CanonicalJson.write(Map.of("amount", new BigDecimal("1.50"))))
                .isEqualTo("{\"amount\":1.5}");
    }

    private static Object randomPlain(Random random, int depth) {
        int kind = random.nextInt(depth <= 0 ? 6 : 8);
        return switch (kind) {
            case 0 -> null;
            case 1 -> randomText(random);
            case 2 -> random.nextBoolean();
            case 3 -> random.nextInt();
            case 4 -> random.nextLong();
            case 5 -> random.nextBoolean() ? random.nextDouble() * 1e6 : (double) random.nextInt(100);
            case 6 -> {
                Map<String, Object> map = random.nextBoolean()
                        ? new HashMap<>()
                        : random.nextBoolean() ? new TreeMap<>() : new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(randomText(random), randomPlain(random, depth - 1));
                }
                yield map;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(randomPlain(random, depth - 1));
                }
                yield list;
            }
        };
    }

    private static String randomText(Random random) {
        String alphabet = "abcXYZ éëï€\"\\\n\t<>&'0123456789😀";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            text.appendCodePoint(alphabet.codePointAt(
                    alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return text.toString();
    }
}
