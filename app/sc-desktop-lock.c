/* sc-desktop-lock.c: when the desktop locks or the laptop sleeps
 *
 * GTK's own screensaver-active is only tracked inside a GNOME session, so the
 * vault follows the signals itself: the GNOME and freedesktop screensavers'
 * ActiveChanged on the session bus, and logind's PrepareForSleep and the
 * login session's Lock on the system bus. Each emits ::lock-requested; what
 * locking means is the application's business. GIO only, so it is tested
 * against a private bus (GTestDBus) with no window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-desktop-lock"

#include "config.h"

#include <unistd.h>

#include "sc-desktop-lock.h"

struct _ScDesktopLock
{
  GObject          parent_instance;

  GDBusConnection *session_bus;
  GDBusConnection *system_bus;
  guint            gnome_screensaver_sub;
  guint            fdo_screensaver_sub;
  guint            sleep_sub;
  guint            session_lock_sub;
  char            *session_path;
  GCancellable    *cancellable;
};

G_DEFINE_FINAL_TYPE (ScDesktopLock, sc_desktop_lock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  LOCK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
lock_signal_cb (GDBusConnection *connection,
                const char      *sender_name,
                const char      *object_path,
                const char      *interface_name,
                const char      *signal_name,
                GVariant        *parameters,
                gpointer         user_data)
{
  ScDesktopLock *self = user_data;
  gboolean active = FALSE;

  /* ActiveChanged(b) and PrepareForSleep(b) lock on TRUE; Session.Lock()
   * has no arguments and always locks. */
  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    g_variant_get (parameters, "(b)", &active);
  else
    active = TRUE;

  if (active)
    {
      g_debug ("Lock requested: %s.%s from %s", interface_name, signal_name, sender_name);
      g_signal_emit (self, signals[LOCK_REQUESTED], 0, signal_name);
    }
}

static guint
subscribe (ScDesktopLock   *self,
           GDBusConnection *bus,
           const char      *interface_name,
           const char      *member,
           const char      *object_path)
{
  return g_dbus_connection_signal_subscribe (bus, NULL, interface_name, member, object_path,
                                             NULL, G_DBUS_SIGNAL_FLAGS_NONE,
                                             lock_signal_cb, self, NULL);
}

static void
got_logind_session_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(ScDesktopLock) self = user_data;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  const char *path = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);
  if (reply == NULL)
    {
      g_debug ("No logind session to follow: %s", error->message);
      return;
    }
  if (self->system_bus == NULL)
    return;   /* disposed meanwhile */

  g_variant_get (reply, "(&o)", &path);
  self->session_lock_sub = subscribe (self, self->system_bus, "org.freedesktop.login1.Session",
                                      "Lock", path);
  self->session_path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION_PATH]);
}

static void
follow_system_bus (ScDesktopLock *self)
{
  self->sleep_sub = subscribe (self, self->system_bus, "org.freedesktop.login1.Manager",
                               "PrepareForSleep", "/org/freedesktop/login1");
  g_dbus_connection_call (self->system_bus, "org.freedesktop.login1", "/org/freedesktop/login1",
                          "org.freedesktop.login1.Manager", "GetSessionByPID",
                          g_variant_new ("(u)", (guint32) getpid ()), G_VARIANT_TYPE ("(o)"),
                          G_DBUS_CALL_FLAGS_NONE, 2000, self->cancellable,
                          got_logind_session_cb, g_object_ref (self));
}

static void
got_system_bus_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ScDesktopLock) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, &error);

  if (bus == NULL)
    {
      g_debug ("No system bus, so no lock on suspend: %s", error->message);
      return;
    }
  if (g_cancellable_is_cancelled (self->cancellable) || self->system_bus != NULL)
    return;
  self->system_bus = g_steal_pointer (&bus);
  follow_system_bus (self);
}

/* Follows logind on the machine's system bus, once it is reached; the
 * session bus is followed from the start. */
void
sc_desktop_lock_watch_system_bus (ScDesktopLock *self)
{
  g_return_if_fail (SC_IS_DESKTOP_LOCK (self));

  if (self->system_bus == NULL)
    g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, got_system_bus_cb, g_object_ref (self));
}

/* @session_bus and @system_bus may be NULL (no bus of that kind, or the
 * system bus to be found by sc_desktop_lock_watch_system_bus()). */
ScDesktopLock *
sc_desktop_lock_new (GDBusConnection *session_bus,
                     GDBusConnection *system_bus)
{
  ScDesktopLock *self = g_object_new (SC_TYPE_DESKTOP_LOCK, NULL);

  if (session_bus != NULL)
    {
      self->session_bus = g_object_ref (session_bus);
      self->gnome_screensaver_sub = subscribe (self, session_bus, "org.gnome.ScreenSaver",
                                               "ActiveChanged", NULL);
      self->fdo_screensaver_sub = subscribe (self, session_bus, "org.freedesktop.ScreenSaver",
                                             "ActiveChanged", NULL);
    }
  if (system_bus != NULL)
    {
      self->system_bus = g_object_ref (system_bus);
      follow_system_bus (self);
    }
  return self;
}

static void
unsubscribe (GDBusConnection *bus,
             guint           *id)
{
  if (bus != NULL && *id != 0)
    g_dbus_connection_signal_unsubscribe (bus, *id);
  *id = 0;
}

static void
sc_desktop_lock_dispose (GObject *object)
{
  ScDesktopLock *self = SC_DESKTOP_LOCK (object);

  g_cancellable_cancel (self->cancellable);
  unsubscribe (self->session_bus, &self->gnome_screensaver_sub);
  unsubscribe (self->session_bus, &self->fdo_screensaver_sub);
  unsubscribe (self->system_bus, &self->sleep_sub);
  unsubscribe (self->system_bus, &self->session_lock_sub);
  g_clear_object (&self->session_bus);
  g_clear_object (&self->system_bus);

  G_OBJECT_CLASS (sc_desktop_lock_parent_class)->dispose (object);
}

static void
sc_desktop_lock_finalize (GObject *object)
{
  ScDesktopLock *self = SC_DESKTOP_LOCK (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->session_path, g_free);

  G_OBJECT_CLASS (sc_desktop_lock_parent_class)->finalize (object);
}

static void
sc_desktop_lock_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ScDesktopLock *self = SC_DESKTOP_LOCK (object);

  switch (prop_id)
    {
    case PROP_SESSION_PATH:
      g_value_set_string (value, self->session_path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_desktop_lock_class_init (ScDesktopLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sc_desktop_lock_dispose;
  object_class->finalize = sc_desktop_lock_finalize;
  object_class->get_property = sc_desktop_lock_get_property;

  /**
   * ScDesktopLock:session-path:
   *
   * The logind session whose Lock is followed, once it is known; NULL
   * without logind.
   */
  properties[PROP_SESSION_PATH] =
    g_param_spec_string ("session-path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ScDesktopLock::lock-requested:
   * @what: the D-Bus signal that asked, for the log
   *
   * The desktop locked, or the laptop is about to sleep.
   */
  signals[LOCK_REQUESTED] = g_signal_new ("lock-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
sc_desktop_lock_init (ScDesktopLock *self)
{
  self->cancellable = g_cancellable_new ();
}
