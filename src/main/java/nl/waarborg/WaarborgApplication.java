package nl.waarborg;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling // audit checkpoints and the totals of repeated refusals (ADR 0020)
public class WaarborgApplication {

    static {
        // One time zone for timestamps and hashes, whatever the host says.
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
    }

    public static void main(String[] args) {
        SpringApplication.run(WaarborgApplication.class, args);
    }
}
