package io.dcb4j.spring;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;

/** The application of the starter's @SpringBootTest tests: auto-configuration only. */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestApplication {
}
