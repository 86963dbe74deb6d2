/* Camunda tasklist configuration of Waarborg; it replaces the webjar's file (same path, earlier on the classpath). */
import waarborg from '../../waarborg-webapps.js';

export default {
  ...waarborg,
  // Camunda's own keyboard shortcuts, as the webjar's file has them.
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
