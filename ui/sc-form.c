/* sc-form.c: record fields shown in libadwaita rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-form"

#include "config.h"

#include <stdarg.h>

#include <glib/gi18n.h>

#include "sc-choice-model.h"
#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-form.h"
#include "sc-vault.h"


/* The popup's rows wrap rather than cut a choice short ("Adult on adult:
 * staff o…"), with a check beside the chosen one. */
static void
setup_choice_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  g_object_bind_property (item, "selected", check, "visible", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_child (item, box);
}

static void
bind_choice_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkStringObject *choice = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (choice));
}

/* Works on anything with "model" and "selected": AdwComboRow, GtkDropDown.
 * @none_label, when not NULL, leads the list and stands for ''. */
void
sc_form_combo_setup (gpointer    combo,
                     const char *field,
                     const char *none_label)
{
  g_autoptr(ScChoiceModel) model = sc_choice_model_new (field, none_label);
  g_autoptr(GtkListItemFactory) list_factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (list_factory, "setup", G_CALLBACK (setup_choice_cb), NULL);
  g_signal_connect (list_factory, "bind", G_CALLBACK (bind_choice_cb), NULL);
  g_object_set (combo, "model", model, "list-factory", list_factory, NULL);
}

static ScChoiceModel *
combo_model (gpointer combo)
{
  g_autoptr(GListModel) model = NULL;

  g_object_get (combo, "model", &model, NULL);
  g_return_val_if_fail (SC_IS_CHOICE_MODEL (model), NULL);
  /* The combo keeps its model. */
  return SC_CHOICE_MODEL (model);
}

const char *
sc_form_combo_get_id (gpointer combo)
{
  guint selected = GTK_INVALID_LIST_POSITION;

  g_object_get (combo, "selected", &selected, NULL);
  return sc_choice_model_get_id (combo_model (combo), selected);
}

void
sc_form_combo_set_id (gpointer    combo,
                      const char *id)
{
  g_object_set (combo, "selected", sc_choice_model_find (combo_model (combo), id), NULL);
}

static gboolean
id_to_position (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      model)
{
  g_value_set_uint (to, sc_choice_model_find (model, g_value_get_string (from)));
  return TRUE;
}

static gboolean
position_to_id (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      model)
{
  g_value_set_string (to, sc_choice_model_get_id (model, g_value_get_uint (from)));
  return TRUE;
}

/* Binds a combo set up with sc_form_combo_setup() to @record's @field, both
 * ways, the record's value first. */
GBinding *
sc_form_combo_bind (gpointer    combo,
                    gpointer    record,
                    const char *field)
{
  return g_object_bind_property_full (record, field, combo, "selected",
                                      G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                      id_to_position, position_to_id,
                                      g_object_ref (combo_model (combo)), g_object_unref);
}

/* Messages: one way to say a sentence, everywhere ------------------------------ */

/* Shows @sentence in @label, or hides the label when there is none. */
void
sc_form_show_sentence (GtkLabel   *label,
                       const char *sentence)
{
  gboolean shown = sentence != NULL && *sentence != '\0';

  gtk_label_set_text (label, shown ? sentence : "");
  gtk_widget_set_visible (GTK_WIDGET (label), shown);
}

static gboolean
text_is_set (GBinding     *binding,
             const GValue *from,
             GValue       *to,
             gpointer      data)
{
  const char *text = g_value_get_string (from);

  g_value_set_boolean (to, text != NULL && *text != '\0');
  return TRUE;
}

/* The same, bound to a view-model's sentence property (its :error); the
 * two bindings are added to @bindings, to be undone with the rest. */
void
sc_form_bind_sentence (GPtrArray  *bindings,
                       gpointer    source,
                       const char *property,
                       GtkLabel   *label)
{
  g_ptr_array_add (bindings,
                   g_object_ref (g_object_bind_property (source, property, label, "label",
                                                         G_BINDING_SYNC_CREATE)));
  g_ptr_array_add (bindings,
                   g_object_ref (g_object_bind_property_full (source, property, label, "visible",
                                                              G_BINDING_SYNC_CREATE, text_is_set,
                                                              NULL, NULL, NULL)));
}

/* Names for screen readers the buttons GTK 4.8 and libadwaita 1.2 build
 * inside @widget without a name of their own: a menu button's or a
 * drop-down's toggle, a password row's "show" button, an info bar's close
 * button. The widget itself is named in its .ui file. */
void
sc_form_name_inner_buttons (GtkWidget  *widget,
                            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        name, -1);
      sc_form_name_inner_buttons (child, name);
    }
}

/* Undoes every binding a page made to the record it showed. */
void
sc_form_unbind_all (GPtrArray *bindings)
{
  for (guint i = 0; i < bindings->len; i++)
    g_binding_unbind (bindings->pdata[i]);
  g_ptr_array_set_size (bindings, 0);
}

/* File choosers open now, closed at a lock: with the portal they live in
 * another process, and would still answer after the vault had closed. */
static GPtrArray *native_dialogs;

static void
native_dialog_gone_cb (gpointer  data,
                       GObject  *where_it_was)
{
  g_ptr_array_remove (native_dialogs, where_it_was);
}

/* Keeps @dialog on the list sc_form_close_native_dialogs () closes; its
 * creator still owns it and unrefs it in its response handler. */
void
sc_form_track_native_dialog (GtkNativeDialog *dialog)
{
  if (native_dialogs == NULL)
    native_dialogs = g_ptr_array_new ();
  g_ptr_array_add (native_dialogs, dialog);
  g_object_weak_ref (G_OBJECT (dialog), native_dialog_gone_cb, NULL);
}

/* Closes every tracked file chooser without an answer, dropping the
 * reference its creator kept for its response handler. */
void
sc_form_close_native_dialogs (void)
{
  while (native_dialogs != NULL && native_dialogs->len > 0)
    {
      GtkNativeDialog *dialog = native_dialogs->pdata[native_dialogs->len - 1];

      g_object_weak_unref (G_OBJECT (dialog), native_dialog_gone_cb, NULL);
      g_ptr_array_remove_index (native_dialogs, native_dialogs->len - 1);
      gtk_native_dialog_destroy (dialog);
      g_object_unref (dialog);
    }
}

/* A toast saying @text as it is: a toast's title is always markup in
 * libadwaita 1.2, and a name may hold "&" or "<". */
AdwToast *
sc_form_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  return adw_toast_new (escaped);
}

/* A passing confirmation, in the window's toast overlay. */
void
sc_form_toast (GtkWidget  *widget,
               const char *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), sc_form_toast_new (text));
}

void
sc_form_set_error (GtkWidget *row,
                   gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* A template's root that is not a bound child is left to its parent to
 * unparent in dispose. */
void
sc_form_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/* The non-empty texts among the NULL-terminated arguments, joined by @sep:
 * "Summary · 24 November · Open", with no stray separators. */
char *
sc_form_join_nonempty (const char *sep,
                       ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  va_start (args, sep);
  while ((part = va_arg (args, const char *)) != NULL)
    if (*part != '\0')
      g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (sep, (char **) parts->pdata);
}

/* A row to choose one of @managers (ScManager) by "name, role". */
GtkWidget *
sc_form_manager_row_new (GPtrArray *managers,
                         guint      selected)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < managers->len; i++)
    {
      ScManager *manager = managers->pdata[i];
      g_autofree char *label = *manager->role != '\0'
                               ? g_strdup_printf ("%s, %s", manager->name, manager->role)
                               : g_strdup (manager->name);

      gtk_string_list_append (names, label);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Manager"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  if (managers->len > 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (row), MIN (selected, managers->len - 1));
  return row;
}

/* The menu of a record in a list (an evidence entry, a contact): Mark
 * Final (@finalise_action, none if NULL), Add Addendum… (@addendum_action)
 * and History, each with the record's id as target. */
GMenuModel *
sc_form_record_menu_model_new (const char *table,
                               gint64      id,
                               const char *finalise_action,
                               const char *addendum_action)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenuItem) history = g_menu_item_new (_("_History"), NULL);
  g_autoptr(GMenuItem) addendum = g_menu_item_new (_("Add _Addendum…"), NULL);

  if (finalise_action != NULL)
    {
      g_autoptr(GMenuItem) finalise = g_menu_item_new (_("Mark _Final"), NULL);

      g_menu_item_set_action_and_target_value (finalise, finalise_action,
                                               g_variant_new_int64 (id));
      g_menu_append_item (menu, finalise);
    }
  g_menu_item_set_action_and_target_value (addendum, addendum_action, g_variant_new_int64 (id));
  g_menu_append_item (menu, addendum);
  g_menu_item_set_action_and_target_value (history, "window.show-history",
                                           g_variant_new ("(sx)", table, id));
  g_menu_append_item (menu, history);
  return G_MENU_MODEL (menu);
}

/* A button opening that menu. */
GtkWidget *
sc_form_record_menu_new (const char *table,
                         gint64      id,
                         const char *finalise_action,
                         const char *addendum_action)
{
  g_autoptr(GMenuModel) menu = sc_form_record_menu_model_new (table, id, finalise_action,
                                                              addendum_action);

  return sc_form_record_menu_button_new (menu);
}

/* A button opening @menu, a record's (sc_form_record_menu_model_new(),
 * perhaps with items of its own added). */
GtkWidget *
sc_form_record_menu_button_new (GMenuModel *menu)
{
  GtkWidget *button = gtk_menu_button_new ();

  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (button), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Final, Addenda and History"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Final, Addenda and History"), -1);
  return button;
}

/* An addendum, as it is shown under what it corrects. */
GtkWidget *
sc_form_addendum_row_new (ScRecord *addendum)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = sc_datetime_format_display (sc_record_get_text (addendum, "written-at"));
  g_autofree char *title = g_strdup_printf (_("Addendum by %s, %s"),
                                            sc_record_get_text (addendum, "author"), when);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sc_record_get_text (addendum, "text"));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "document-edit-symbolic");
  return row;
}
