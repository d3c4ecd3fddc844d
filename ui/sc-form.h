/* sc-form.h: record fields shown in libadwaita rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sc-record.h"

G_BEGIN_DECLS

/* An AdwComboRow or GtkDropDown offering a field's choices (sc-choices.h). */
void        sc_form_combo_setup   (gpointer     combo,
                                   const char  *field,
                                   const char  *none_label);
const char *sc_form_combo_get_id  (gpointer     combo);
void        sc_form_combo_set_id  (gpointer     combo,
                                   const char  *id);
GBinding   *sc_form_combo_bind    (gpointer     combo,
                                   gpointer     record,
                                   const char  *field);

void        sc_form_set_error     (GtkWidget   *row,
                                   gboolean     error);
void        sc_form_show_sentence (GtkLabel    *label,
                                   const char  *sentence);
void        sc_form_bind_sentence (GPtrArray   *bindings,
                                   gpointer     source,
                                   const char  *property,
                                   GtkLabel    *label);
void        sc_form_unbind_all    (GPtrArray   *bindings);
void        sc_form_track_native_dialog  (GtkNativeDialog *dialog);
void        sc_form_close_native_dialogs (void);
GtkWidget  *sc_form_addendum_row_new   (ScRecord    *addendum);
GMenuModel *sc_form_record_menu_model_new (const char *table,
                                          gint64      id,
                                          const char *finalise_action,
                                          const char *addendum_action);
GtkWidget  *sc_form_record_menu_new    (const char  *table,
                                       gint64       id,
                                       const char  *finalise_action,
                                       const char  *addendum_action);
GtkWidget  *sc_form_record_menu_button_new (GMenuModel *menu);
AdwToast   *sc_form_toast_new          (const char  *text);
void        sc_form_toast         (GtkWidget   *widget,
                                   const char  *text);
void        sc_form_name_inner_buttons (GtkWidget  *widget,
                                        const char *name);
void        sc_form_unparent_children (GtkWidget *widget);
GtkWidget  *sc_form_manager_row_new (GPtrArray *managers,
                                     guint      selected);
char       *sc_form_join_nonempty (const char  *sep,
                                   ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
