package nl.waarborg.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.producer.CacheAwareHistoryEventProducer;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.variable.serializer.PrimitiveValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Text variables of any length. Camunda keeps a String variable in a column of 4,000 characters (ACT_RU_VARIABLE.TEXT_,
 * and the same in history), so a longer answer failed on every save. A text longer than that is stored as UTF-8 in
 * the variable's byte array instead and read back as the same String: to Tasklist, /engine-rest and every listener it
 * is an ordinary String variable. Shorter texts are stored exactly as before. A form submission also writes each
 * submitted value as text into the history (ACT_HI_DETAIL, same column): that copy is cut to the column's length, as
 * the whole answer stays in the variable (ACT_HI_VARINST) and in Waarborg's record of every save (wb_answer_save).
 */
@Component
public class LongTextVariables extends AbstractProcessEnginePlugin {

    /** Characters that fit in Camunda's text column on H2 and PostgreSQL. */
    static final int TEXT_COLUMN_LENGTH = 4000;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        @SuppressWarnings("rawtypes")
        List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreVariableSerializers());
        serializers.add(new LongTextSerializer());
        configuration.setCustomPreVariableSerializers(serializers);
        if (configuration.getHistoryEventProducer() == null) {
            configuration.setHistoryEventProducer(new CacheAwareHistoryEventProducer() {
                @Override
                public HistoryEvent createFormPropertyUpdateEvt(
                        ExecutionEntity execution, String propertyId, String propertyValue, String taskId) {
                    return super.createFormPropertyUpdateEvt(execution, propertyId, fitting(propertyValue), taskId);
                }
            });
        }
    }

    /** The text, or as much of it as fits in Camunda's text column, marked as cut. */
    static String fitting(String text) {
        return text == null || text.length() <= TEXT_COLUMN_LENGTH
                ? text
                : text.substring(0, TEXT_COLUMN_LENGTH - 4) + " […]";
    }

    /** A String variable of type "string", stored under its own serializer name so that it is read back from bytes. */
    static final class LongTextSerializer extends PrimitiveValueSerializer<StringValue> {

        static final String NAME = "waarborgLongText";

        LongTextSerializer() {
            super(ValueType.STRING);
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        protected boolean canWriteValue(TypedValue value) {
            return value.getValue() instanceof String text && text.length() > TEXT_COLUMN_LENGTH;
        }

        @Override
        public StringValue convertToTypedValue(UntypedValueImpl untypedValue) {
            return Variables.stringValue((String) untypedValue.getValue(), untypedValue.isTransient());
        }

        @Override
        public void writeValue(StringValue value, ValueFields valueFields) {
            valueFields.setByteArrayValue(value.getValue().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public StringValue readValue(ValueFields valueFields, boolean asTransient) {
            byte[] bytes = valueFields.getByteArrayValue();
            return Variables.stringValue(bytes == null ? null : new String(bytes, StandardCharsets.UTF_8), asTransient);
        }
    }
}
