/* test-desktop-lock.c: the vault locks when the desktop locks or the laptop
 * sleeps, against a private D-Bus daemon with a stand-in logind
 *
 * Every wait is on an event: a signal is sent only once a round trip on the
 * watcher's own connection proves the bus has its match rules, and a
 * signal that must not lock is followed by one that must, from the same
 * sender, so that its effect (or none) is seen before the next arrives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "sc-desktop-lock.h"
#include "sc-test-core.h"

#define SESSION_PATH "/org/freedesktop/login1/session/_31"

typedef struct
{
  GTestDBus       *bus;
  GDBusConnection *watcher_bus;    /* what the watcher listens on */
  GDBusConnection *desktop_bus;    /* the screensaver and logind's side */
  guint            locks;
  char            *last;
} Fixture;

static GDBusConnection *
connect_to (GTestDBus *bus)
{
  g_autoptr(GError) error = NULL;
  GDBusConnection *connection =
    g_dbus_connection_new_for_address_sync (g_test_dbus_get_bus_address (bus),
                                            G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT
                                            | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                            NULL, NULL, &error);

  g_assert_no_error (error);
  return connection;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (f->bus);
  f->watcher_bus = connect_to (f->bus);
  f->desktop_bus = connect_to (f->bus);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_dbus_connection_close_sync (f->watcher_bus, NULL, NULL);
  g_dbus_connection_close_sync (f->desktop_bus, NULL, NULL);
  g_clear_object (&f->watcher_bus);
  g_clear_object (&f->desktop_bus);
  g_test_dbus_down (f->bus);
  g_clear_object (&f->bus);
  g_clear_pointer (&f->last, g_free);
}

static void
lock_requested_cb (ScDesktopLock *lock,
                   const char    *what,
                   Fixture       *f)
{
  f->locks++;
  g_free (f->last);
  f->last = g_strdup (what);
}

/* Messages on one connection are handled in order: once this reply is
 * back, the bus has every match rule the watcher asked for before it. */
static void
round_trip (GDBusConnection *connection)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply =
    g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                 "org.freedesktop.DBus", "GetId", NULL, G_VARIANT_TYPE ("(s)"),
                                 G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reply);
}

/* Every signal sent so far has been handled: the bus has routed all the
 * desktop's signals once it answers the desktop, the watcher has received
 * them once the bus answers the watcher, and they are dispatched once the
 * main context is drained. Then the count is exact, and extra locks show. */
static void
wait_for_locks (Fixture *f,
                guint    n)
{
  gint64 limit = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  round_trip (f->desktop_bus);
  round_trip (f->watcher_bus);
  while (f->locks < n)
    {
      g_main_context_iteration (NULL, FALSE);
      if (g_get_monotonic_time () > limit)
        g_error ("Waited 30 s for lock request %u", n);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (f->locks, ==, n);
}

static void
emit (Fixture    *f,
      const char *path,
      const char *interface_name,
      const char *member,
      GVariant   *parameters)
{
  g_autoptr(GError) error = NULL;

  g_dbus_connection_emit_signal (f->desktop_bus, NULL, path, interface_name, member, parameters,
                                 &error);
  g_assert_no_error (error);
}

static void
test_screensaver (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ScDesktopLock) lock = sc_desktop_lock_new (f->watcher_bus, NULL);

  g_signal_connect (lock, "lock-requested", G_CALLBACK (lock_requested_cb), f);
  round_trip (f->watcher_bus);

  /* Unlocking the desktop does not lock; locking it does. */
  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", FALSE));
  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", TRUE));
  wait_for_locks (f, 1);
  g_assert_cmpstr (f->last, ==, "ActiveChanged");

  /* Other desktops' screensavers too. */
  emit (f, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", TRUE));
  wait_for_locks (f, 2);

  /* A signal of another name is not a lock. */
  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "WakeUpScreen", NULL);
  emit (f, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged",
        g_variant_new ("(b)", TRUE));
  wait_for_locks (f, 3);
  g_assert_cmpuint (f->locks, ==, 3);
}

/* A stand-in for logind: one session, whatever the process. */
static void
logind_method_cb (GDBusConnection       *connection,
                  const char            *sender,
                  const char            *object_path,
                  const char            *interface_name,
                  const char            *method_name,
                  GVariant              *parameters,
                  GDBusMethodInvocation *invocation,
                  gpointer               user_data)
{
  g_assert_cmpstr (method_name, ==, "GetSessionByPID");
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", SESSION_PATH));
}

static const char logind_xml[] =
  "<node><interface name='org.freedesktop.login1.Manager'>"
  "  <method name='GetSessionByPID'><arg type='u' direction='in'/>"
  "    <arg type='o' direction='out'/></method>"
  "</interface></node>";

static void
test_logind (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GDBusNodeInfo) node = g_dbus_node_info_new_for_xml (logind_xml, NULL);
  static const GDBusInterfaceVTable vtable = { logind_method_cb, NULL, NULL, { 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) owned = NULL;
  g_autoptr(ScDesktopLock) lock = NULL;
  guint object_id;

  object_id = g_dbus_connection_register_object (f->desktop_bus, "/org/freedesktop/login1",
                                                 node->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  owned = g_dbus_connection_call_sync (f->desktop_bus, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.login1", 0),
                                       G_VARIANT_TYPE ("(u)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);
  g_assert_no_error (error);

  /* The test bus stands in for the system bus. */
  lock = sc_desktop_lock_new (NULL, f->watcher_bus);
  g_signal_connect (lock, "lock-requested", G_CALLBACK (lock_requested_cb), f);
  {
    gint64 limit = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
    g_autofree char *path = NULL;

    while (g_object_get (lock, "session-path", &path, NULL), path == NULL)
      {
        g_main_context_iteration (NULL, TRUE);
        g_assert_cmpint (g_get_monotonic_time (), <, limit);
      }
    g_assert_cmpstr (path, ==, SESSION_PATH);
  }
  round_trip (f->watcher_bus);

  /* Waking from sleep does not lock; going to sleep does. */
  emit (f, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        g_variant_new ("(b)", FALSE));
  emit (f, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        g_variant_new ("(b)", TRUE));
  wait_for_locks (f, 1);
  g_assert_cmpstr (f->last, ==, "PrepareForSleep");

  /* loginctl lock-session: this session's Lock, not another's. */
  emit (f, "/org/freedesktop/login1/session/_32", "org.freedesktop.login1.Session", "Lock", NULL);
  emit (f, SESSION_PATH, "org.freedesktop.login1.Session", "Lock", NULL);
  wait_for_locks (f, 2);
  g_assert_cmpstr (f->last, ==, "Lock");
  emit (f, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep",
        g_variant_new ("(b)", TRUE));
  wait_for_locks (f, 3);
  g_assert_cmpuint (f->locks, ==, 3);

  g_dbus_connection_unregister_object (f->desktop_bus, object_id);
}

/* Without logind (or any system bus) nothing fails, and nothing is
 * followed. */
static void
test_no_logind (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(ScDesktopLock) lock = sc_desktop_lock_new (f->watcher_bus, f->watcher_bus);
  g_autofree char *path = NULL;

  round_trip (f->watcher_bus);
  /* GetSessionByPID went to a name nobody owns: its error is back once a
   * later call's reply is, as the bus answers in order. */
  round_trip (f->watcher_bus);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_object_get (lock, "session-path", &path, NULL);
  g_assert_null (path);
}

int
main (int   argc,
      char *argv[])
{
  sc_test_core_init (&argc, &argv);

  g_test_add ("/desktop-lock/screensaver", Fixture, NULL, fixture_set_up, test_screensaver,
              fixture_tear_down);
  g_test_add ("/desktop-lock/logind", Fixture, NULL, fixture_set_up, test_logind,
              fixture_tear_down);
  g_test_add ("/desktop-lock/no-logind", Fixture, NULL, fixture_set_up, test_no_logind,
              fixture_tear_down);

  return g_test_run ();
}
