/**
 * How the hub connects to a department, shared by ingest (reading) and delivery (writing): the pools of department
 * databases ({@link org.onex.hub.connect.DepartmentDataSources}, {@code hub.datasources}), the SFTP servers declared
 * once under {@code hub.sftp-servers} and the endpoint options built from them ({@link org.onex.hub.connect.SftpOptions}),
 * the HTTP client of department APIs and REST inboxes with its one classification of answers
 * ({@link org.onex.hub.connect.DepartmentHttp}), and the route template parameters: their one declaration with type, default and secrecy
 * ({@link org.onex.hub.connect.TemplateContract}) and their resolution when a route is created
 * ({@link org.onex.hub.connect.TemplateParameters}, {@link org.onex.hub.connect.MillisFunction}).
 * <p>
 * A floor under {@code ingest} and {@code delivery}: it depends on Camel, Spring and the schema only, never on a hub feature.
 */
package org.onex.hub.connect;
