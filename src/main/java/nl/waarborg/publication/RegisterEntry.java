package nl.waarborg.publication;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One entry of the Algoritmeregister in the shape of publication standard 1.0.0: the JSON property names are the
 * standard's (snake_case). {@link RegisterRules} checks the standard's limits, permitted values and required fields.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RegisterEntry(
        String name,
        String descriptionShort,
        String organization,
        List<String> category,
        String status,
        String beginDate,
        String endDate,
        String contactEmail,
        String website,
        String publicationCategory,
        String url,
        String goal,
        String proportionality,
        String humanIntervention,
        String risks,
        String lawfulBasis,
        List<Link> lawfulBasisGrouping,
        String processIndexUrl,
        List<Link> impacttoetsenGrouping,
        String impacttoetsen,
        String sourceData,
        List<Link> sourceDataGrouping,
        String methodsAndModels,
        String provider,
        String publiccode,
        String lang,
        String standardVersion,
        String sourceId,
        String tags) {

    /** The language the standard permits. */
    public static final String LANG = "nld";

    /** The version of the publication standard this entry follows. */
    public static final String STANDARD_VERSION = "1.0.0";

    /** A reference on the internet: a title and its link (the standard's "grouping" items). */
    public record Link(String title, String link) {}

    /** The entry's status values in the standard. */
    public static final String IN_DEVELOPMENT = "In ontwikkeling";

    public static final String IN_USE = "In gebruik";
    public static final String OUT_OF_USE = "Buiten gebruik";
}
