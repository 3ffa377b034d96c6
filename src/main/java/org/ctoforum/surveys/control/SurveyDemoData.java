package org.ctoforum.surveys.control;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.ctoforum.surveys.control.QuestionSpec.Samples;
import org.ctoforum.surveys.control.QuestionSpec.Shares;
import org.ctoforum.surveys.control.QuestionSpec.Spread;
import org.ctoforum.surveys.control.QuestionSpec.Tilt;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.DistrictLocale;
import org.ctoforum.surveys.entity.EnrollmentBand;
import org.ctoforum.surveys.entity.QuestionType;

/**
 * Invents the demo population of the IT Leadership Survey: districts shaped like US school districts, and answers
 * that add up to each question's target.
 *
 * <p>Shares are met by exact quotas, so published figures come out to the point; a mild tilt by size and locale
 * decides who gets which answer, so peer groups differ. Every draw comes from its own random stream, keyed by the
 * seed and by what is drawn, so a seed always gives the same data whatever the order of the calls, and a district
 * keeps most of its character from one year to the next.
 *
 * <p>A seed would call it as
 *
 * <pre>{@code
 * var data = new SurveyDemoData(seed);
 * var districts = data.districts(districtCount - named.size(), takenNames);
 * var answers2020 = data.answers(2020, districts, questions2020);
 * var answers2021 = data.answers(2021, data.returning(districts, 2021, 0.92), questions2021);
 * }</pre>
 */
public final class SurveyDemoData {

    /** The share of respondents who leave a question that is not required unanswered. */
    public static final double SKIP_SHARE = 0.10;

    /** The share of respondents who write an answer to a free-text question. */
    public static final double TEXT_SHARE = 0.15;

    // Percent of districts per band, in EnrollmentBand order, close to the US spread.
    private static final double[] BAND_SHARES = {45, 35, 17, 3};
    // Weights per band in DistrictLocale order (city, suburban, town, rural): big districts are urban.
    private static final double[][] LOCALE_WEIGHTS = {{4, 10, 22, 64}, {9, 32, 31, 28}, {24, 50, 14, 12}, {55, 38, 2, 5}
    };
    // Weights per band in CensusRegion order: small districts are Midwestern, big county systems Southern.
    private static final double[][] REGION_WEIGHTS = {
        {19, 42, 17, 22}, {25, 29, 27, 19}, {11, 17, 45, 27}, {3, 8, 58, 31}
    };
    // Roughly how many districts each state has; Hawaii's single statewide district and DC are left out.
    private static final Map<CensusRegion, String> STATE_WEIGHTS = new EnumMap<>(Map.of(
            CensusRegion.NORTHEAST, "NY 7 PA 5 NJ 5 MA 3 CT 2 ME 2 NH 2 VT 2 RI 1",
            CensusRegion.MIDWEST, "IL 8 OH 6 MI 6 MO 5 WI 4 MN 4 IA 3 KS 3 IN 3 NE 2 ND 2 SD 1",
            CensusRegion.SOUTH, "TX 10 OK 5 GA 2 AL 2 AR 2 KY 2 TN 2 NC 2 VA 2 MS 2 LA 1 SC 1 FL 1 MD 1 WV 1 DE 1",
            CensusRegion.WEST, "CA 10 AZ 3 WA 3 MT 3 OR 2 CO 2 ID 1 UT 1 NV 1 NM 1 WY 1 AK 1"));
    // Southern states where most districts are county systems.
    private static final Set<String> COUNTY_STATES =
            Set.of("AL", "FL", "GA", "KY", "MD", "MS", "NC", "SC", "TN", "VA", "WV");
    private static final List<String> PLACE_STARTS = List.of(
            "Maple", "Cedar", "Oak", "Pine", "Willow", "Aspen", "Birch", "Elm", "Spruce", "Hickory", "Walnut", "Laurel",
            "Alder", "Ash", "Red", "Clear", "Stone", "Silver", "Green", "Fair", "Spring", "Rock", "Eagle", "Fox",
            "Deer", "Hawk", "Sun", "North", "South", "East", "West", "Lake", "River", "Bright", "Golden", "Mill",
            "Iron", "Copper", "Prairie", "Meadow");
    // Endings written as one word with the start ("Maplewood") and as a second word ("Maple Grove").
    private static final List<String> JOINED_ENDINGS = List.of(
            "dale", "field", "wood", "brook", "ville", "ton", "port", "view", "haven", "ford", "ridge", "mont", "crest",
            "land");
    private static final List<String> SPACED_ENDINGS = List.of(
            "Grove",
            "Valley",
            "Creek",
            "Ridge",
            "Springs",
            "Falls",
            "Hills",
            "Point",
            "Bend",
            "Harbor",
            "Crossing",
            "Park",
            "Heights",
            "Plains",
            "Hollow",
            "Junction");

    private final long seed;

    public SurveyDemoData(long seed) {
        this.seed = seed;
    }

    /**
     * Invents {@code count} districts: about 45% under 2,500 students, 35% up to 9,999, 17% up to 49,999 and 3%
     * larger; small ones mostly rural or town, large ones mostly city or suburban; each state in its region.
     *
     * @param takenNames the districts that exist already (the named demo districts, members' districts): no
     *     generated name starts with the same place
     */
    public List<GeneratedDistrict> districts(int count, Collection<String> takenNames) {
        Random random = random("districts");
        List<String> taken = takenNames.stream().map(SurveyDemoData::squeezed).toList();
        Set<String> places = new HashSet<>();
        EnrollmentBand[] bands = EnrollmentBand.values();
        int[] perBand = quotas(BAND_SHARES, count);
        List<GeneratedDistrict> districts = new ArrayList<>();
        for (int b = 0; b < bands.length; b++) {
            for (int i = 0; i < perBand[b]; i++) {
                DistrictLocale locale = DistrictLocale.values()[pick(LOCALE_WEIGHTS[b], random)];
                CensusRegion region = CensusRegion.values()[pick(REGION_WEIGHTS[b], random)];
                String state = state(region, random);
                String place = place(random, places, taken);
                districts.add(new GeneratedDistrict(
                        districtName(place, state, locale, random),
                        state,
                        enrollment(bands[b], random),
                        locale,
                        region));
            }
        }
        Collections.shuffle(districts, random);
        return List.copyOf(districts);
    }

    /**
     * The districts that answer {@code year}'s survey again: {@code share} of those that answered the year before,
     * the same ones for the same seed, in the order given.
     */
    public List<GeneratedDistrict> returning(List<GeneratedDistrict> previous, int year, double share) {
        List<GeneratedDistrict> ranked = ranked(previous, Tilt.NONE, "returning", year);
        Set<GeneratedDistrict> staying = new HashSet<>(ranked.subList(0, (int) Math.round(share * previous.size())));
        return previous.stream().filter(staying::contains).toList();
    }

    /**
     * Each respondent's answers to {@code year}'s questions, keyed by question code: a String for SINGLE and TEXT, an
     * Integer 1 to 5 for SCALE, a List of Strings in option order for MULTI, a BigDecimal for NUMBER, CURRENCY and
     * PERCENT. A question that is not required is skipped by {@link #SKIP_SHARE} of respondents, free text answered
     * by {@link #TEXT_SHARE}; over those who answer, each question meets its target.
     *
     * @return the respondents in the order given, each with answers in question order
     */
    public Map<GeneratedDistrict, Map<String, Object>> answers(
            int year, List<GeneratedDistrict> respondents, List<QuestionSpec> questions) {
        Map<GeneratedDistrict, Map<String, Object>> answers = new LinkedHashMap<>();
        respondents.forEach(d -> answers.put(d, new LinkedHashMap<>()));
        for (QuestionSpec question : questions) {
            List<GeneratedDistrict> answering = answering(year, respondents, question);
            Map<GeneratedDistrict, Object> given =
                    switch (question.type()) {
                        case SINGLE, SCALE -> oneEach(year, answering, question, (Shares) question.target());
                        case MULTI -> several(year, answering, question, (Shares) question.target());
                        case NUMBER, CURRENCY, PERCENT -> amounts(
                                year, answering, question, (Spread) question.target());
                        case TEXT -> texts(year, answering, question, (Samples) question.target());
                    };
            given.forEach((district, answer) -> answers.get(district).put(question.code(), answer));
        }
        answers.replaceAll((district, given) -> Collections.unmodifiableMap(given));
        return Collections.unmodifiableMap(answers);
    }

    /** Everyone answers a required question; the same districts tend to skip, or to write, from year to year. */
    private List<GeneratedDistrict> answering(int year, List<GeneratedDistrict> respondents, QuestionSpec question) {
        boolean text = question.type() == QuestionType.TEXT;
        if (question.required() && !text) {
            return respondents;
        }
        double share = text ? TEXT_SHARE : 1 - SKIP_SHARE;
        List<GeneratedDistrict> ranked = ranked(respondents, Tilt.NONE, "answers " + question.code(), year);
        Set<GeneratedDistrict> answering =
                new HashSet<>(ranked.subList(0, (int) Math.round(share * respondents.size())));
        return respondents.stream().filter(answering::contains).toList();
    }

    /** SINGLE and SCALE: exact quotas, the first choice (or the top of the scale) to the districts the tilt favours. */
    private Map<GeneratedDistrict, Object> oneEach(
            int year, List<GeneratedDistrict> answering, QuestionSpec question, Shares shares) {
        boolean scale = question.type() == QuestionType.SCALE;
        List<String> choices = new ArrayList<>(question.choices());
        if (scale) {
            Collections.reverse(choices);
        }
        int[] counts = quotas(choices.stream().mapToDouble(shares::of).toArray(), answering.size());
        List<GeneratedDistrict> ranked = ranked(answering, question.tilt(), stream(question), year);
        Map<GeneratedDistrict, Object> given = new HashMap<>();
        int next = 0;
        for (int c = 0; c < choices.size(); c++) {
            Object answer = scale ? Integer.valueOf(choices.get(c)) : choices.get(c);
            for (int i = 0; i < counts[c]; i++) {
                given.put(ranked.get(next++), answer);
            }
        }
        return given;
    }

    /**
     * MULTI: each option goes to its quota of districts, the exclusive one first and alone. Everyone else chooses at
     * least one option: a district left empty takes one from a district that chose several, so counts stay exact.
     */
    private Map<GeneratedDistrict, Object> several(
            int year, List<GeneratedDistrict> answering, QuestionSpec question, Shares shares) {
        int n = answering.size();
        String exclusive = question.exclusive();
        Map<GeneratedDistrict, Set<String>> chosen = new HashMap<>();
        answering.forEach(d -> chosen.put(d, new HashSet<>()));
        List<GeneratedDistrict> pool = new ArrayList<>(answering);
        if (exclusive != null) {
            // "None of these" leans the other way: it goes to the districts the tilt favours least.
            List<GeneratedDistrict> none = ranked(
                            answering, question.tilt().reversed(), stream(question) + " " + exclusive, year)
                    .subList(0, count(shares.of(exclusive), n));
            none.forEach(d -> chosen.get(d).add(exclusive));
            pool.removeAll(new HashSet<>(none));
        }
        Map<String, List<GeneratedDistrict>> rankedByOption = new LinkedHashMap<>();
        for (String option : question.options()) {
            if (option.equals(exclusive)) {
                continue;
            }
            int count = count(shares.of(option), n);
            if (count > pool.size()) {
                throw new IllegalArgumentException(question.code() + ": " + option + " needs more respondents");
            }
            List<GeneratedDistrict> ranked = ranked(pool, question.tilt(), stream(question) + " " + option, year);
            ranked.subList(0, count).forEach(d -> chosen.get(d).add(option));
            rankedByOption.put(option, ranked);
        }
        List<String> mostChosenFirst = new ArrayList<>(rankedByOption.keySet());
        mostChosenFirst.sort(Comparator.comparingDouble(shares::of).reversed());
        for (GeneratedDistrict empty : pool) {
            if (chosen.get(empty).isEmpty()
                    && !takeFromSomeoneWithSeveral(empty, chosen, rankedByOption, mostChosenFirst)) {
                throw new IllegalArgumentException(question.code() + ": too few choices for everyone to make one");
            }
        }
        Map<GeneratedDistrict, Object> given = new HashMap<>();
        chosen.forEach((district, picks) -> given.put(
                district, question.options().stream().filter(picks::contains).toList()));
        return given;
    }

    /** The donor is the holder the option's ranking favours least, so the tilt survives the move. */
    private static boolean takeFromSomeoneWithSeveral(
            GeneratedDistrict empty,
            Map<GeneratedDistrict, Set<String>> chosen,
            Map<String, List<GeneratedDistrict>> rankedByOption,
            List<String> mostChosenFirst) {
        for (String option : mostChosenFirst) {
            List<GeneratedDistrict> ranked = rankedByOption.get(option);
            for (int i = ranked.size() - 1; i >= 0; i--) {
                Set<String> picks = chosen.get(ranked.get(i));
                if (picks.size() > 1 && picks.contains(option)) {
                    picks.remove(option);
                    chosen.get(empty).add(option);
                    return true;
                }
            }
        }
        return false;
    }

    /** Numeric: the target's quantile function sampled evenly, the highest values to the districts the tilt favours. */
    private Map<GeneratedDistrict, Object> amounts(
            int year, List<GeneratedDistrict> answering, QuestionSpec question, Spread spread) {
        int n = answering.size();
        List<GeneratedDistrict> ranked = ranked(answering, question.tilt(), stream(question), year);
        Map<GeneratedDistrict, Object> given = new HashMap<>();
        for (int i = 0; i < n; i++) {
            double quantile = n == 1 ? 0.5 : (n - 1 - i) / (double) (n - 1);
            given.put(ranked.get(i), rounded(question, spread, valueAt(spread, quantile)));
        }
        return given;
    }

    /**
     * The answer at a quantile: straight lines between the quartiles, so they come out exact, and tails that bend
     * towards the extremes, so only a few districts come near them.
     */
    static double valueAt(Spread spread, double quantile) {
        if (quantile < 0.25) {
            return tail(spread.p25(), spread.min(), (0.25 - quantile) / 0.25);
        }
        if (quantile < 0.5) {
            return between(spread.p25(), spread.median(), (quantile - 0.25) / 0.25);
        }
        if (quantile < 0.75) {
            return between(spread.median(), spread.p75(), (quantile - 0.5) / 0.25);
        }
        return tail(spread.p75(), spread.max(), (quantile - 0.75) / 0.25);
    }

    private static double between(BigDecimal from, BigDecimal to, double t) {
        return from.doubleValue() + (to.doubleValue() - from.doubleValue()) * t;
    }

    private static double tail(BigDecimal from, BigDecimal to, double t) {
        double a = from.doubleValue();
        double b = to.doubleValue();
        double bend = t * t * t;
        // Geometric when both ends are positive: budgets and bandwidth spread over orders of magnitude.
        return a > 0 && b > 0 ? a * Math.pow(b / a, bend) : a + (b - a) * bend;
    }

    /** Budgets are reported in round figures (three digits); other numbers as precisely as the target's median. */
    private static BigDecimal rounded(QuestionSpec question, Spread spread, double value) {
        BigDecimal answer = question.type() == QuestionType.CURRENCY
                ? new BigDecimal(value).round(new MathContext(3)).setScale(0, RoundingMode.HALF_UP)
                : BigDecimal.valueOf(value).setScale(Math.max(0, spread.median().scale()), RoundingMode.HALF_UP);
        answer = answer.max(spread.min()).min(spread.max());
        if (question.min() != null) {
            answer = answer.max(question.min());
        }
        return question.max() == null ? answer : answer.min(question.max());
    }

    /** TEXT: the samples in a shuffled round, so every one of them is used. */
    private Map<GeneratedDistrict, Object> texts(
            int year, List<GeneratedDistrict> answering, QuestionSpec question, Samples samples) {
        List<String> answers = new ArrayList<>(samples.answers());
        Collections.shuffle(answers, random(question.code(), Integer.toString(year)));
        Map<GeneratedDistrict, Object> given = new HashMap<>();
        for (int i = 0; i < answering.size(); i++) {
            given.put(answering.get(i), answers.get(i % answers.size()));
        }
        return given;
    }

    /** Districts from the one the tilt favours most to the one it favours least. */
    private List<GeneratedDistrict> ranked(List<GeneratedDistrict> districts, Tilt tilt, String stream, int year) {
        Map<GeneratedDistrict, Double> scores = new HashMap<>();
        for (GeneratedDistrict d : districts) {
            scores.put(d, tilt.size() * sizeIndex(d) + tilt.locale() * localeIndex(d) + noise(d, stream, year));
        }
        List<GeneratedDistrict> ranked = new ArrayList<>(districts);
        ranked.sort(Comparator.comparingDouble((GeneratedDistrict d) -> scores.get(d))
                .reversed()
                .thenComparing(GeneratedDistrict::name));
        return ranked;
    }

    /** Mostly the district's own lasting part, partly this year's, so answers drift rather than jump. */
    private double noise(GeneratedDistrict district, String stream, int year) {
        return 0.8 * random(district.name(), stream).nextGaussian()
                + 0.6 * random(district.name(), stream, Integer.toString(year)).nextGaussian();
    }

    /** About -2 for the smallest districts, 0 around 3,000 students, +3 for the largest. */
    private static double sizeIndex(GeneratedDistrict district) {
        return (Math.log(district.enrollment()) - Math.log(3_000)) / 1.4;
    }

    /** Suburbs best served, then cities, towns and rural districts. */
    private static double localeIndex(GeneratedDistrict district) {
        return switch (district.locale()) {
            case SUBURBAN -> 1.0;
            case CITY -> 0.3;
            case TOWN -> -0.4;
            case RURAL -> -0.9;
        };
    }

    private static String stream(QuestionSpec question) {
        return question.tilt().factor() == null
                ? question.code()
                : question.tilt().factor();
    }

    private static int enrollment(EnrollmentBand band, Random random) {
        double u = random.nextDouble();
        return switch (band) {
            case UNDER_2500 -> logBetween(150, 2_500, u);
            case FROM_2500 -> logBetween(2_500, 10_000, u);
            case FROM_10000 -> logBetween(10_000, 50_000, u);
                // Most just past 50,000, a few giants up to 400,000.
            case FROM_50000 -> (int) Math.floor(50_000 * Math.pow(8, u * u));
        };
    }

    private static int logBetween(int from, int below, double u) {
        return (int) Math.floor(from * Math.pow((double) below / from, u));
    }

    private static String state(CensusRegion region, Random random) {
        String[] parts = STATE_WEIGHTS.get(region).split(" ");
        double[] weights = new double[parts.length / 2];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = Double.parseDouble(parts[2 * i + 1]);
        }
        return parts[2 * pick(weights, random)];
    }

    /** A place no other generated district has and no existing district's name begins with. */
    private static String place(Random random, Set<String> used, List<String> taken) {
        while (true) {
            String start = PLACE_STARTS.get(random.nextInt(PLACE_STARTS.size()));
            String place = random.nextBoolean()
                    ? start + JOINED_ENDINGS.get(random.nextInt(JOINED_ENDINGS.size()))
                    : start + " " + SPACED_ENDINGS.get(random.nextInt(SPACED_ENDINGS.size()));
            String squeezed = squeezed(place);
            if (!used.contains(squeezed) && taken.stream().noneMatch(name -> name.startsWith(squeezed))) {
                used.add(squeezed);
                return place;
            }
        }
    }

    /** Lower case without spaces, so "River Bend" and "Riverbend" count as the same place. */
    private static String squeezed(String name) {
        return name.replace(" ", "").toLowerCase(Locale.ROOT);
    }

    /** The name as districts in that state are usually called. */
    private static String districtName(String place, String state, DistrictLocale locale, Random random) {
        boolean city = locale == DistrictLocale.CITY;
        String suffix =
                switch (state) {
                    case "TX" -> "Independent School District";
                    case "CA" -> city
                            ? "Unified School District"
                            : either(random, "Unified School District", "Union School District");
                    case "NY" -> city
                            ? "City School District"
                            : either(random, "Central School District", "Union Free School District");
                    case "PA" -> either(random, "Area School District", "School District");
                    case "OH" -> city ? "City Schools" : either(random, "Local Schools", "Exempted Village Schools");
                    case "LA" -> "Parish Schools";
                    default -> null;
                };
        if (suffix != null) {
            return place + " " + suffix;
        }
        if (COUNTY_STATES.contains(state)) {
            return city
                    ? place + " City Schools"
                    : place + " County " + either(random, "Schools", "Public Schools", "School District");
        }
        CensusRegion region = CensusRegion.ofState(state).orElseThrow();
        return place + " "
                + switch (region) {
                    case NORTHEAST -> either(random, "Public Schools", "School District", "Regional School District");
                    case MIDWEST -> either(
                            random,
                            "Community Schools",
                            "Community School District",
                            "Public Schools",
                            "School District");
                    case SOUTH -> either(random, "Public Schools", "School District");
                    case WEST -> either(random, "School District", "Unified School District", "Public Schools");
                };
    }

    private static String either(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static int pick(double[] weights, Random random) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double at = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            at -= weights[i];
            if (at < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Percentages into whole counts that add up to {@code n}, the largest remainders rounded up. */
    static int[] quotas(double[] percents, int n) {
        int[] counts = new int[percents.length];
        double[] remainders = new double[percents.length];
        int given = 0;
        for (int i = 0; i < percents.length; i++) {
            double exact = percents[i] * n / 100;
            counts[i] = (int) Math.floor(exact);
            remainders[i] = exact - counts[i];
            given += counts[i];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < percents.length; i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(
                Comparator.comparingDouble((Integer i) -> remainders[i]).reversed());
        for (int k = 0; given < n; k = (k + 1) % percents.length) {
            counts[byRemainder.get(k)]++;
            given++;
        }
        return counts;
    }

    private static int count(double percent, int n) {
        return (int) Math.round(percent * n / 100);
    }

    /** A stream of its own for each key, so draws do not depend on one another or on the order of calls. */
    private Random random(String... keys) {
        long state = seed;
        for (String key : keys) {
            state = mixed(state * 31 + key.hashCode());
        }
        return new Random(state);
    }

    /** SplitMix64's finalizer: neighbouring keys give unrelated seeds. */
    private static long mixed(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
