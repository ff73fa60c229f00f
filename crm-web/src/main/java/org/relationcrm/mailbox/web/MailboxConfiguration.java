package org.relationcrm.mailbox.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code relation.mailbox.*}; the poller runs only when a host is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailboxSettings.class)
class MailboxConfiguration {
}
