/* sc-contact-form.h: noting a contact, as the quick-add popover shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sc-contact.h"
#include "sc-vault.h"

G_BEGIN_DECLS

/* An item of sc_contact_form_get_concerns (): its "string" is the label. */
#define SC_TYPE_CONCERN_CHOICE (sc_concern_choice_get_type ())

G_DECLARE_FINAL_TYPE (ScConcernChoice, sc_concern_choice, SC, CONCERN_CHOICE, GObject)

#define SC_TYPE_CONTACT_FORM (sc_contact_form_get_type ())

G_DECLARE_FINAL_TYPE (ScContactForm, sc_contact_form, SC, CONTACT_FORM, GObject)

ScContactForm *sc_contact_form_new         (ScVault       *vault,
                                            gint64         child_id,
                                            const char    *last_channel,
                                            const char    *last_device);
ScContact     *sc_contact_form_get_contact (ScContactForm *self);
GListModel    *sc_contact_form_get_concerns (ScContactForm *self);
gboolean       sc_contact_form_save        (ScContactForm *self);

G_END_DECLS
