#include "common/Logging.h"

Q_LOGGING_CATEGORY(lcStorage, "masir.storage", QtInfoMsg)
Q_LOGGING_CATEGORY(lcContacts, "masir.contacts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcDemo, "masir.demo", QtInfoMsg)
