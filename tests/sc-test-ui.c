/* sc-test-ui.c: helpers for the tests that drive real windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <locale.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

#include <glib/gstdio.h>

#include "sc-choices.h"
#include "sc-records.h"
#include "sc-key-file.h"
#include "sc-secure.h"
#include "sc-test-ui.h"

#define WAIT_LIMIT_S 60

static void
rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        rm_rf (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Runs the test at @path in a child process of its own with a fresh HOME
 * and XDG folders, so that every window test starts with no vault and no
 * settings. (G_TEST_OPTION_ISOLATE_DIRS would also empty XDG_DATA_DIRS,
 * leaving GTK without a MIME database or an icon theme.) Returns TRUE in
 * the child, which then runs the test. */
typedef void (*ScTestPhase) (void);

typedef struct
{
  ScTestPhase phases[5];   /* NULL-terminated */
} ScTestPhases;

/* Runs each phase of a window test in a child process of its own, all with
 * one fresh HOME and XDG folders: every test starts with no vault and no
 * settings, and a later phase is the app started again, as a worker would.
 * (G_TEST_OPTION_ISOLATE_DIRS would also empty XDG_DATA_DIRS, leaving GTK
 * without a MIME database or an icon theme.) */
static void
run_isolated (gconstpointer data)
{
  const ScTestPhases *test = data;
  g_autofree char *tmp = NULL;
  g_autofree char *apps = NULL;
  g_autofree char *icon = NULL;
  g_autofree char *link_path = NULL;
  static const char *const vars[][2] = {
    { "HOME", "home" }, { "XDG_DATA_HOME", "data" }, { "XDG_CONFIG_HOME", "config" },
    { "XDG_CACHE_HOME", "cache" }, { "XDG_STATE_HOME", "state" },
  };

  if (g_test_subprocess ())
    {
      const char *phase = g_getenv ("SC_TEST_UI_PHASE");

      test->phases[phase != NULL ? atoi (phase) : 0] ();
      return;
    }

  tmp = g_dir_make_tmp ("safecase-ui-XXXXXX", NULL);
  g_assert_nonnull (tmp);
  for (guint i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      g_autofree char *dir = g_build_filename (tmp, vars[i][1], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_setenv (vars[i][0], dir, TRUE);
    }

  /* The app icon where an install would put it. */
  apps = g_build_filename (tmp, "data", "icons", "hicolor", "scalable", "apps", NULL);
  icon = g_test_build_filename (G_TEST_DIST, "..", "icons", "hicolor", "scalable", "apps",
                                BASE_APP_ID ".svg", NULL);
  link_path = g_build_filename (apps, APP_ID ".svg", NULL);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  if (symlink (icon, link_path) != 0)
    g_error ("Cannot link the app icon: %s", g_strerror (errno));

  for (guint i = 0; test->phases[i] != NULL; i++)
    {
      g_autofree char *phase = g_strdup_printf ("%u", i);

      g_setenv ("SC_TEST_UI_PHASE", phase, TRUE);
      g_test_trap_subprocess (NULL, 240 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDOUT
                                                          | G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }

  rm_rf (tmp);
}

/* Adds a window test that runs in a child process with folders of its own. */
void
sc_test_ui_add (const char  *path,
                void       (*func) (void))
{
  ScTestPhases *test = g_new0 (ScTestPhases, 1);

  test->phases[0] = func;
  g_test_add_data_func_full (path, test, run_isolated, g_free);
}

/* The same, with each later phase run in a process of its own on what the
 * one before left: the app closed and started again. NULL-terminated, at
 * most four phases. */
void
sc_test_ui_add_restart (const char  *path,
                        void       (*first) (void),
                        ...)
{
  ScTestPhases *test = g_new0 (ScTestPhases, 1);
  ScTestPhase phase = first;
  va_list args;

  va_start (args, first);
  for (guint i = 0; phase != NULL; i++)
    {
      g_assert (i < G_N_ELEMENTS (test->phases) - 1);
      test->phases[i] = phase;
      phase = va_arg (args, ScTestPhase);
    }
  va_end (args);
  g_test_add_data_func_full (path, test, run_isolated, g_free);
}

static gboolean
timed_out_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @condition holds; no sleeps, and a hard limit so
 * that a broken window fails the test instead of hanging it. */
void
sc_test_wait_until (ScTestCondition  condition,
                    gpointer         data,
                    const char      *what)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (WAIT_LIMIT_S, timed_out_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Waited %d s for %s", WAIT_LIMIT_S, what);
  g_source_remove (timeout);
}

static gboolean
widget_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
frame_drawn_cb (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets pending layout and drawing happen: waits for two frames. */
void
sc_test_settle (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (int frame = 0; frame < 2; frame++)
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);
          gboolean drawn = FALSE;

          if (!gtk_widget_get_mapped (window))
            continue;
          gtk_widget_add_tick_callback (window, tick_cb, &drawn, NULL);
          gtk_widget_queue_draw (window);
          sc_test_wait_until (frame_drawn_cb, &drawn, "a frame");
        }
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Saves what @widget shows, so a person can look at it. */
void
sc_test_save_png (GtkWidget  *widget,
                  const char *name)
{
  const char *dir = g_getenv ("SC_TEST_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width = 0, height = 0;

  sc_test_wait_until (widget_mapped, widget, "the widget to be on screen");
  sc_test_settle ();

  /* A popover is a surface of its own: its first frames may come after the
   * window's, so wait for one of its own until it draws something. */
  for (int attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      gboolean drawn = FALSE;

      width = gtk_widget_get_width (widget);
      height = gtk_widget_get_height (widget);
      if (width > 0 && height > 0)
        {
          g_clear_object (&paintable);
          paintable = gtk_widget_paintable_new (widget);
          snapshot = gtk_snapshot_new ();
          gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
          node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
        }
      if (node == NULL)
        {
          gtk_widget_add_tick_callback (widget, tick_cb, &drawn, NULL);
          gtk_widget_queue_draw (widget);
          sc_test_wait_until (frame_drawn_cb, &drawn, "a frame of the widget");
        }
    }
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_mkdir_with_parents (dir, 0700);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s (%d×%d)", path, width, height);
}

typedef struct
{
  ScWindow   *window;
  const char *page;
} PageWait;

static gboolean
page_is_visible (gpointer data)
{
  PageWait *wait = data;

  return g_strcmp0 (sc_test_visible_page (wait->window), wait->page) == 0;
}

void
sc_test_wait_for_page (ScWindow   *window,
                       const char *page)
{
  PageWait wait = { window, page };
  g_autofree char *what = g_strdup_printf ("the %s page", page);

  sc_test_wait_until (page_is_visible, &wait, what);
  /* And what the page shows once the vault's changes have reached it,
   * which is before its next frame. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The real application and its window, as `safecase` (or `--demo`) starts. */
ScApplication *
sc_test_start_app (gboolean   demo,
                   ScWindow **window_out)
{
  g_autoptr(GError) error = NULL;
  ScApplication *app = sc_application_new ();

  if (demo)
    sc_application_set_demo (app, TRUE);
  /* Window tests run side by side in one D-Bus session: each is its own
   * primary instance. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  /* No cross-fades half-way through a screenshot. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_application_activate (G_APPLICATION (app));

  *window_out = SC_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (*window_out);
  return app;
}

void
sc_test_stop_app (ScApplication *app,
                  ScWindow      *window)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_unref (app);
}

void
sc_test_set_size (ScWindow *window,
                  int       width,
                  int       height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  sc_test_settle ();
}

/* What every window test's main() does first. */
void
sc_test_ui_init (int    *argc,
                 char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);
  /* A login session of its own, known (a lock made with no session id
   * holds until a reboot): sc_test_new_login_session() starts the next. */
  g_setenv ("XDG_SESSION_ID", "test-login-0", TRUE);
  g_assert_true (sc_secure_init ());
  /* Vaults made here use Argon2id's interactive cost: seconds, not a minute. */
  sc_key_file_use_interactive_limits_for_tests ();
}

/* Chooses @id in a combo row set up for @field (after "Not chosen yet"). */
void
sc_test_select_choice (AdwComboRow *row,
                       const char  *field,
                       const char  *id)
{
  guint n = 0;
  const ScChoice *choices = sc_choices_for (field, &n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (choices[i].id, id))
      {
        adw_combo_row_set_selected (row, i + 1);
        return;
      }
  g_error ("%s has no choice %s", field, id);
}

/* What a click on a caseload row does: the child's page. */
void
sc_test_open_child (ScWindow *window,
                    gint64    child_id)
{
  sc_test_wait_for_page (window, "caseload");
  gtk_widget_activate_action (GTK_WIDGET (window), "window.show-child", "x", (gint64) child_id);
  sc_test_wait_for_page (window, "child");
}

typedef gboolean (*Match) (GtkWidget     *widget,
                           gconstpointer  data);

/* The first widget under @root, depth first, that @match says is it. */
static GtkWidget *
find_first (GtkWidget     *root,
            Match          match,
            gconstpointer  data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
label_starts (GtkWidget     *widget,
              gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix);
}

/* A mapped label whose text starts with @prefix. */
GtkWidget *
sc_test_find_label (GtkWidget  *root,
                    const char *prefix)
{
  return find_first (root, label_starts, prefix);
}

static gboolean
label_holds (GtkWidget     *widget,
             gconstpointer  needle)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
         && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL;
}

/* A mapped label with @needle anywhere in its text: what the user reads. */
GtkWidget *
sc_test_find_text (GtkWidget  *root,
                   const char *needle)
{
  return find_first (root, label_holds, needle);
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* The first widget of @type under @root, depth first. */
GtkWidget *
sc_test_find_widget (GtkWidget *root,
                     GType      type)
{
  return find_first (root, is_of_type, GSIZE_TO_POINTER (type));
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/* The row titled @title under @root, as the user finds it: by its title,
 * shown or inside a closed expander. */
GtkWidget *
sc_test_find_row (GtkWidget  *root,
                  const char *title)
{
  return find_first (root, row_titled, title);
}

static gboolean
has_id (GtkWidget     *widget,
        gconstpointer  id)
{
  return g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0;
}

/* The widget the .ui file names @id under @root: for the controls that
 * have no title of their own to find them by (an entry in a popover, a
 * text view in a card). */
GtkWidget *
sc_test_find_by_id (GtkWidget  *root,
                    const char *id)
{
  return find_first (root, has_id, id);
}

static gboolean no_window_of_type_shown (gpointer data);

static GtkWidget *find_by_id_or_die (GtkWidget  *root,
                                     const char *id);

/* The page the worker sees: the window's stack, and within its records
 * the caseload, a child, a concern, its response or the contacts. */
const char *
sc_test_visible_page (ScWindow *window)
{
  const char *name = gtk_stack_get_visible_child_name (GTK_STACK (find_by_id_or_die (GTK_WIDGET (window),
                                                                                     "stack")));

  if (g_strcmp0 (name, "records") == 0)
    return gtk_stack_get_visible_child_name (GTK_STACK (find_by_id_or_die (GTK_WIDGET (window),
                                                                           "records_stack")));
  return name;
}

GtkWidget *
sc_test_page (ScWindow   *window,
              const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (GTK_STACK (find_by_id_or_die (GTK_WIDGET (window),
                                                                               "stack")), name);

  if (page == NULL)
    page = gtk_stack_get_child_by_name (GTK_STACK (find_by_id_or_die (GTK_WIDGET (window),
                                                                      "records_stack")), name);
  g_assert_nonnull (page);
  return page;
}

static GtkWidget *
find_by_id_or_die (GtkWidget  *root,
                   const char *id)
{
  GtkWidget *found = sc_test_find_by_id (root, id);

  if (found == NULL)
    g_error ("No %s under %s", id, G_OBJECT_TYPE_NAME (root));
  return found;
}

/* The text of the label @label_id while it is shown; NULL while it is
 * hidden: the sentence a page says, or does not. */
const char *
sc_test_shown_text (GtkWidget  *root,
                    const char *label_id)
{
  GtkWidget *label = find_by_id_or_die (root, label_id);

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

GtkTextBuffer *
sc_test_text_buffer (GtkWidget  *root,
                     const char *view_id)
{
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_by_id_or_die (root, view_id)));
}

GtkEditable *
sc_test_editable (GtkWidget  *root,
                  const char *id)
{
  return GTK_EDITABLE (find_by_id_or_die (root, id));
}

/* How many items the list @list_id shows: a list view's model, or a list
 * box's rows. */
guint
sc_test_count_items (GtkWidget  *root,
                     const char *list_id)
{
  GtkWidget *list = find_by_id_or_die (root, list_id);
  guint n = 0;

  if (GTK_IS_LIST_VIEW (list))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list));

      return model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile          *file;
} ChooserWait;

static gboolean
chooser_has_file (gpointer data)
{
  ChooserWait *wait = data;
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (wait->chooser);

  return chosen != NULL && g_file_equal (chosen, wait->file);
}

/* In the file chooser the app has just opened, @file chosen and accepted,
 * as a worker would: to open it, or to save as it. */
void
sc_test_choose_file (GFile *file)
{
  GtkWidget *chooser = sc_test_wait_for_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  ChooserWait wait = { GTK_FILE_CHOOSER (chooser), file };
  g_autoptr(GError) error = NULL;

  if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE)
    /* Typed whole into the name, as a worker may: the folder a chooser
     * is set to from outside is not the one it saves in (GTK 4.8). */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), g_file_peek_path (file));
  else
    g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error));
  g_assert_no_error (error);
  /* The chooser selects it once it has read the folder. */
  sc_test_wait_until (chooser_has_file, &wait, "the file chosen");
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  /* A chooser saving checks the folder first, and answers after. */
  sc_test_wait_until (no_window_of_type_shown, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG),
                      "the file chooser to close");
  sc_test_settle ();
}

static void
find_all (GtkWidget *root,
          GType      type,
          GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (found, root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_all (child, type, found);
}

/* Every widget of @type under @root, in the order they are shown. */
GPtrArray *
sc_test_find_all (GtkWidget *root,
                  GType      type)
{
  GPtrArray *found = g_ptr_array_new ();

  find_all (root, type, found);
  return found;
}

/* The shown window of @type, or NULL. */
static GtkWidget *
shown_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_mapped (window))
        return window;   /* GTK keeps its toplevels */
    }
  return NULL;
}

static gboolean
window_of_type_shown (gpointer data)
{
  return shown_window (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
no_window_of_type_shown (gpointer data)
{
  return !window_of_type_shown (data);
}

/* Waits for a window of @type (a dialog, a file chooser) to be shown, and
 * returns it. */
GtkWidget *
sc_test_wait_for_window (GType type)
{
  sc_test_wait_until (window_of_type_shown, GSIZE_TO_POINTER (type), g_type_name (type));
  return shown_window (type);
}

/* As if the worker had logged out and in again: a lock held in the last
 * login session no longer holds. */
void
sc_test_new_login_session (void)
{
  static guint n = 0;
  g_autofree char *id = g_strdup_printf ("test-login-%u-%d", ++n, (int) getpid ());

  g_setenv ("XDG_SESSION_ID", id, TRUE);
}

/* A vault in the default folder, made as the welcome page would (worker
 * SC_TEST_WORKER, passphrase SC_TEST_PASSPHRASE), with one child, @name,
 * unless NULL. Closed again: the app opens it. Returns the child's id. */
gint64
sc_test_vault_with_child (const char *name)
{
  g_autofree char *directory = sc_vault_get_default_directory (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(ScVault) vault = sc_vault_create (directory, SC_TEST_WORKER, SC_TEST_PASSPHRASE, NULL,
                                              &error);
  gint64 id = 0;

  g_assert_no_error (error);
  if (name != NULL)
    {
      g_autoptr(ScChild) child = sc_child_new ();

      sc_record_set_text (SC_RECORD (child), "name", name);
      g_assert_true (sc_records_save (vault, SC_RECORD (child), &error));
      g_assert_no_error (error);
      id = sc_record_get_id (SC_RECORD (child));
    }
  sc_vault_close (vault);
  return id;
}

/* The app started on a fresh vault, and open on the caseload. */
ScApplication *
sc_test_start_on_caseload (ScWindow **window_out)
{
  ScApplication *app;

  sc_test_vault_with_child (NULL);
  app = sc_test_start_app (FALSE, window_out);
  sc_test_wait_for_page (*window_out, "caseload");
  return app;
}
