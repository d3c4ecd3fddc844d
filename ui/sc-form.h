/* sc-form.h: record fields shown in libadwaita rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwComboRow offering a field's choices (sc-choices.h), led by a
 * "Not chosen yet" item that stands for ''. */
void        sc_form_combo_setup   (AdwComboRow *row,
                                   const char  *field);
const char *sc_form_combo_get_id  (AdwComboRow *row);
void        sc_form_combo_set_id  (AdwComboRow *row,
                                   const char  *id);

/* An AdwExpanderRow of check buttons for a multi-valued field. */
void        sc_form_checks_setup  (AdwExpanderRow *row,
                                   const char     *field,
                                   GCallback       toggled,
                                   gpointer        user_data);
char       *sc_form_checks_get    (AdwExpanderRow *row);
void        sc_form_checks_set    (AdwExpanderRow *row,
                                   const char     *list);

void        sc_form_set_error     (GtkWidget   *row,
                                   gboolean     error);

G_END_DECLS
