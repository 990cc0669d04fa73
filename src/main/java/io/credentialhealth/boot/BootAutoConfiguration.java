package io.credentialhealth.boot;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * Enables Boot's auto-configuration from a package that holds nothing else. The package that enables
 * it becomes Boot's auto-configuration package, and Boot scans that package at every start for
 * {@code @JacksonMixin} classes (the {@code jacksonMixinModuleEntries} bean, created whether or not an
 * application has any), reading every class file below it: from the application's root package that
 * was the whole application, about 37 ms of a start (docs/benchmarks.md, change 25). The application
 * declares no mixin, no entity and no repository, the things Boot looks for in that package.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
public class BootAutoConfiguration {

}
