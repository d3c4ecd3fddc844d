/* sc-overview.h: what a manager reviews first, across the caseload
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-procedure.h"
#include "sc-vault.h"

G_BEGIN_DECLS

typedef enum
{
  SC_OVERVIEW_OVERDUE,       /* steps past due, the LADO's first */
  SC_OVERVIEW_APPROVALS,     /* personal-device contacts with no approval */
  SC_OVERVIEW_NOT_REVIEWED,  /* open concerns with no review for too long */
  SC_OVERVIEW_FINAL_UNSIGNED, /* final concerns no review has signed off since */
  SC_OVERVIEW_OPEN,          /* every open concern */
  SC_OVERVIEW_N_SECTIONS
} ScOverviewSection;

/* One line of the overview, and the window action that opens its record. */
typedef struct
{
  char       *title;
  char       *subtitle;
  const char *action;
  gint64      target;
} ScOverviewItem;

typedef struct
{
  GPtrArray *sections[SC_OVERVIEW_N_SECTIONS];   /* of ScOverviewItem */
} ScOverview;

ScOverview *sc_overview_build (ScVault      *vault,
                               ScProcedure  *procedure,
                               GDateTime    *now,
                               guint         review_days,
                               GError      **error);
void        sc_overview_free  (ScOverview   *overview);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScOverview, sc_overview_free)

G_END_DECLS
