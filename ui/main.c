/* main.c: the safecase program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-main"

#include "config.h"

#include <locale.h>
#include <signal.h>

#include <glib/gi18n.h>

#include "sc-application.h"
#include "sc-secure.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ScApplication) app = NULL;

  /* Before anything can hold a key: no core dumps, no ptrace by others. */
  sc_secure_harden_process ();
  /* A file too large for its limit is an error to report (a document not
   * saved), not a reason for the app to die. */
  signal (SIGXFSZ, SIG_IGN);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!sc_secure_init ())
    {
      g_printerr ("%s\n", _("Safecase cannot start: its encryption library failed to initialise."));
      return 1;
    }

  app = sc_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
