package nl.waarborg.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import nl.waarborg.shared.TextInput;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Applies {@link TextInput} to everything Waarborg's own controllers (pages and /api) read from a request: every query
 * and form parameter, and every string in a JSON body. Only the HTTP converter's copy of the object mapper checks
 * strings, so stored JSON read back elsewhere is never refused. /engine-rest and the Camunda webapps are not Spring
 * MVC and keep their own rules.
 */
@Configuration
public class TextInputChecks implements WebMvcConfigurer {

    @Bean
    MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper objectMapper) {
        ObjectMapper checked = objectMapper.copy();
        checked.registerModule(new SimpleModule("waarborg-text-input").addDeserializer(String.class, new Strings()));
        return new MappingJackson2HttpMessageConverter(checked);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new Parameters()).excludePathPatterns("/error");
    }

    /** A JSON string, refused with a control character; the field is named from Jackson's path (api.ApiProblems). */
    static final class Strings extends StdScalarDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            TextInput.check(null, value);
            return value;
        }
    }

    /** Every query and form parameter, before the controller binds it. */
    static final class Parameters implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (request.getDispatcherType() == DispatcherType.REQUEST) {
                request.getParameterMap().forEach((name, values) -> {
                    TextInput.check(null, name);
                    for (String value : values) {
                        TextInput.check(name, value);
                    }
                });
            }
            return true;
        }
    }
}
