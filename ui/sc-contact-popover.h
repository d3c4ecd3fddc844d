/* sc-contact-popover.h: noting a contact in a few seconds, keyboard first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-child.h"
#include "sc-contact.h"
#include "sc-vault.h"

G_BEGIN_DECLS

#define SC_TYPE_CONTACT_POPOVER (sc_contact_popover_get_type ())

G_DECLARE_FINAL_TYPE (ScContactPopover, sc_contact_popover, SC, CONTACT_POPOVER, GtkPopover)

ScContactPopover *sc_contact_popover_new        (void);
void              sc_contact_popover_prepare    (ScContactPopover *self,
                                                 ScVault          *vault,
                                                 ScChild          *child,
                                                 GSettings        *settings);
void              sc_contact_popover_clear      (ScContactPopover *self);
void              sc_contact_popover_flush      (ScContactPopover *self);

G_END_DECLS
