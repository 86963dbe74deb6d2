package nl.waarborg.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.spi.SpinDataFormatException;

/** Converts between engine variables (strings, booleans, dates, Spin JSON from form lists) and plain JSON values. */
public final class VariableValues {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private VariableValues() {}

    /** An engine variable as a plain value: lists and objects from Camunda Forms arrive as Spin JSON. */
    public static Object toPlain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof org.camunda.spin.json.SpinJsonNode json) {
            return readJson(json.toString());
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return MAPPER.convertValue(value, Object.class);
        }
        return value.toString();
    }

    /** A plain value as an engine variable: lists and maps go back as Spin JSON so forms show them again. */
    public static TypedValue toVariable(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return SpinValues.jsonValue(MAPPER.writeValueAsString(value)).create();
            } catch (JsonProcessingException | SpinDataFormatException e) {
                throw new IllegalArgumentException("Cannot turn a stored answer back into a variable", e);
            }
        }
        return Variables.untypedValue(value);
    }

    private static Object readJson(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
