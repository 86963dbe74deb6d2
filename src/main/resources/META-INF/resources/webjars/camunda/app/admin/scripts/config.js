/* Camunda admin configuration of Waarborg; it replaces the webjar's file (same path, earlier on the classpath). */
import waarborg from '../../waarborg-webapps.js';

export default {...waarborg};
