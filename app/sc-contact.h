/* sc-contact.h: one electronic contact between the worker and a child
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-child.h"
#include "sc-record.h"

G_BEGIN_DECLS

#define SC_TYPE_CONTACT (sc_contact_get_type ())

G_DECLARE_FINAL_TYPE (ScContact, sc_contact, SC, CONTACT, ScRecord)

ScContact *sc_contact_new            (gint64      child_id);
gboolean   sc_contact_is_breach      (ScContact  *self);
char      *sc_contact_format_case_note (ScContact *self,
                                        const char *child_label,
                                        const char *worker_name);

/* Case notes and CSV for several contacts, for the council's case system. */
char      *sc_contacts_format_case_note (GPtrArray  *contacts,
                                         const char *child_label,
                                         const char *worker_name);
char      *sc_contacts_format_csv       (GPtrArray  *contacts,
                                         const char *child_label);
char      *sc_csv_quote                 (const char *field);

G_END_DECLS
