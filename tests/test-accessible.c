/* test-accessible.c: every control a worker can reach has a name a screen
 * reader can say
 *
 * The program runs as a worker would start it, in a process of its own with
 * accessibility on, and this test reads its tree over AT-SPI (a process
 * cannot answer AT-SPI calls about itself while it waits on them). Its
 * window holds every page in a stack, so one walk covers the welcome,
 * unlock, caseload, child, concern, response and contacts pages. An
 * interactive control with no name, or named by its type ("GtkMenuButton",
 * "GtkImage"), fails the test with its path in the tree.
 *
 * Waiting is on the tree itself: it is read again on every AT-SPI event and
 * at most every few hundred milliseconds, until the page the test expects is
 * there, with a hard limit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include <atspi/atspi.h>
#include <glib/gstdio.h>

#define WAIT_LIMIT_S 60

/* libatspi 2.46 declares no cleanup functions of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiAccessible, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtspiEventListener, g_object_unref)

static const char *safecase_path;

static gboolean
is_interactive (AtspiRole role)
{
  static const AtspiRole roles[] = {
    ATSPI_ROLE_PUSH_BUTTON, ATSPI_ROLE_TOGGLE_BUTTON, ATSPI_ROLE_CHECK_BOX,
    ATSPI_ROLE_RADIO_BUTTON, ATSPI_ROLE_COMBO_BOX, ATSPI_ROLE_ENTRY, ATSPI_ROLE_PASSWORD_TEXT,
    ATSPI_ROLE_TEXT,
    ATSPI_ROLE_SPIN_BUTTON, ATSPI_ROLE_SLIDER, ATSPI_ROLE_LINK, ATSPI_ROLE_MENU_ITEM,
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (roles[i] == role)
      return TRUE;
  return FALSE;
}

/* A name a person can use: not empty, not a widget type's. */
static gboolean
is_real_name (const char *name)
{
  return name != NULL && *name != '\0' && !g_str_has_prefix (name, "Gtk")
         && !g_str_has_prefix (name, "Adw") && !g_str_has_prefix (name, "Sc");
}

typedef struct
{
  GPtrArray  *unnamed;      /* "path: role" of each offender */
  guint       interactive;  /* how many were checked */
  const char *wanted;       /* a name that says the page is there */
  gboolean    found;
} Walk;

static void
walk (AtspiAccessible *node,
      const char      *path,
      Walk            *w,
      guint            depth)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = atspi_accessible_get_name (node, &error);
  g_autofree char *role_name = NULL;
  g_autofree char *here = NULL;
  AtspiRole role;
  int n;

  if (error != NULL || depth > 60)
    return;
  role = atspi_accessible_get_role (node, NULL);
  role_name = atspi_accessible_get_role_name (node, NULL);
  here = g_strdup_printf ("%s/%s[%s]", path, role_name != NULL ? role_name : "?",
                          name != NULL ? name : "");

  if (w->wanted != NULL && g_strcmp0 (name, w->wanted) == 0)
    w->found = TRUE;
  if (is_interactive (role))
    {
      w->interactive++;
      if (!is_real_name (name))
        g_ptr_array_add (w->unnamed, g_strdup (here));
    }

  n = atspi_accessible_get_child_count (node, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (node, i, NULL);

      if (child != NULL)
        walk (child, here, w, depth + 1);
    }
}

/* The application of @pid on the desktop, once it is there. */
static AtspiAccessible *
find_application (GPid pid)
{
  g_autoptr(AtspiAccessible) desktop = atspi_get_desktop (0);
  int n = atspi_accessible_get_child_count (desktop, NULL);

  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) app = atspi_accessible_get_child_at_index (desktop, i, NULL);

      if (app != NULL && atspi_accessible_get_process_id (app, NULL) == (guint) pid)
        return g_steal_pointer (&app);
    }
  return NULL;
}

/* Only wakes the main loop: the tree is read again after each event. */
static void
event_cb (const AtspiEvent *event)
{
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Starts the program with @args in fresh folders of its own, walks its tree
 * once the control named @wanted is in it, and ends it. */
static Walk
walk_program (const char *const *args,
              const char        *wanted)
{
  g_autofree char *home = g_dir_make_tmp ("safecase-a11y-XXXXXX", NULL);
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AtspiEventListener) listener = atspi_event_listener_new_simple (event_cb, NULL);
  gint64 limit = g_get_monotonic_time () + WAIT_LIMIT_S * G_USEC_PER_SEC;
  Walk w = { g_ptr_array_new_with_free_func (g_free), 0, wanted, FALSE };
  guint tick;
  GPid pid;
  int status = 0;
  guint launches = 0;
  static const char *const dirs[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
                                      "XDG_STATE_HOME" };

  g_assert_nonnull (home);
  /* Accessibility on, as on a worker's desktop. */
  env = g_environ_unsetenv (env, "NO_AT_BRIDGE");
  env = g_environ_unsetenv (env, "GTK_A11Y");
  env = g_environ_setenv (env, "HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *dir = g_build_filename (home, dirs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      env = g_environ_setenv (env, dirs[i], dir, TRUE);
    }

  g_ptr_array_add (argv, (gpointer) safecase_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_async (NULL, (char **) argv->pdata, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                 &error);
  g_assert_no_error (error);
  launches = 1;

  /* Any change in any tree wakes the check; the tick makes sure it runs
   * even if an event is missed. */
  atspi_event_listener_register (listener, "object:children-changed", NULL);
  atspi_event_listener_register (listener, "object:property-change:accessible-name", NULL);
  tick = g_timeout_add (200, tick_cb, NULL);
  while (!w.found)
    {
      g_autoptr(AtspiAccessible) app = find_application (pid);

      if (app != NULL)
        {
          g_ptr_array_set_size (w.unnamed, 0);
          w.interactive = 0;
          walk (app, "", &w, 0);
        }
      if (w.found)
        break;
      /* The program gone before its window showed: under load the X server
       * can refuse a connection ("cannot open display"), which is the test
       * machine's, not the program's; it is started again, at most twice.
       * A program that fails to start fails three times. */
      if (waitpid (pid, &status, WNOHANG) == pid)
        {
          g_spawn_close_pid (pid);
          if (launches >= 3)
            g_error ("The program ended before its window appeared, three times (status %d)",
                     status);
          g_spawn_async (NULL, (char **) argv->pdata, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                         &pid, &error);
          g_assert_no_error (error);
          launches++;
          continue;
        }
      if (g_get_monotonic_time () > limit)
        g_error ("Waited %d s for “%s” in the window's accessibility tree", WAIT_LIMIT_S, wanted);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (tick);
  atspi_event_listener_deregister (listener, "object:children-changed", NULL);
  atspi_event_listener_deregister (listener, "object:property-change:accessible-name", NULL);

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);
  return w;
}

static void
assert_all_named (Walk       *w,
                  const char *what)
{
  for (guint i = 0; i < w->unnamed->len; i++)
    g_test_message ("unnamed: %s", (const char *) w->unnamed->pdata[i]);
  if (w->unnamed->len > 0)
    g_error ("%s: %u of %u interactive controls have no name; the first: %s", what,
             w->unnamed->len, w->interactive, (const char *) w->unnamed->pdata[0]);
  /* The walk saw the window's controls, not an empty tree. */
  g_assert_cmpuint (w->interactive, >=, 15);
  g_ptr_array_unref (w->unnamed);
}

/* First start: the welcome page, and every page behind it in the stack. */
static void
test_first_start (void)
{
  static const char *const args[] = { NULL };
  Walk w = walk_program (args, "Create Vault");

  assert_all_named (&w, "first start");
}

/* The demo vault open on the caseload. */
static void
test_demo_caseload (void)
{
  static const char *const args[] = { "--demo", NULL };
  Walk w = walk_program (args, "Search children");

  assert_all_named (&w, "demo caseload");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* libatspi warns when an application has no AT-SPI cache object, which
   * GTK 4.8's has not: not this test's business. Criticals stay fatal. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  if (argc < 2)
    g_error ("usage: %s SAFECASE", argv[0]);
  safecase_path = argv[1];
  if (atspi_init () < 0)
    g_error ("No accessibility bus");

  g_test_add_func ("/accessible/first-start/every-control-named", test_first_start);
  g_test_add_func ("/accessible/demo-caseload/every-control-named", test_demo_caseload);

  return g_test_run ();
}
