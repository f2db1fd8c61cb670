-- Undo of V5: the notification tables, children first; their policies and grants go with them.
DROP TABLE IF EXISTS notification_log, notification, change_event;
