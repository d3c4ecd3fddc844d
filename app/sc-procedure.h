/* sc-procedure.h: the council's response procedure, as data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SC_PROCEDURE_ERROR (sc_procedure_error_quark ())
#define SC_TYPE_PROCEDURE  (sc_procedure_get_type ())

typedef enum
{
  SC_PROCEDURE_ERROR_INVALID,
} ScProcedureError;

GQuark sc_procedure_error_quark (void);

typedef struct
{
  char *id;
  char *name;
  char *number;    /* NULL: a local number the council has not set */
  char *url;
} ScProcedureContact;

typedef struct _ScProcedureStep ScProcedureStep;
typedef struct _ScProcedure ScProcedure;

/* What the engine needs to know of a concern. */
typedef struct
{
  const char *area;
  const char *involvement;
  const char *location;
  int         child_age;       /* -1 when not known */
  int         adult_works_with_children;  /* 1 yes, 0 no, -1 not known */
  const char *incident_types;  /* the monitoring form's types, "a,b"; NULL or "" for none */
} ScSituation;

ScProcedure               *sc_procedure_new_from_file     (const char        *path,
                                                           GPtrArray        **problems,
                                                           GError           **error);
ScProcedure               *sc_procedure_new_from_data     (const char        *data,
                                                           gsize              length,
                                                           GPtrArray        **problems,
                                                           GError           **error);
ScProcedure               *sc_procedure_new_default       (void);
ScProcedure               *sc_procedure_new_for_user      (char             **source,
                                                           char             **notice,
                                                           GError           **council_error);
ScProcedure               *sc_procedure_new_for_user_from (const char        *admin_path,
                                                           const char        *user_path,
                                                           char             **source,
                                                           char             **notice,
                                                           GError           **council_error);
char                      *sc_procedure_format_problem    (const char        *path,
                                                           const char        *problem);
GType                      sc_procedure_get_type          (void) G_GNUC_CONST;
ScProcedure               *sc_procedure_ref               (ScProcedure       *self);
void                       sc_procedure_unref             (ScProcedure       *self);

const char                *sc_procedure_get_name          (ScProcedure       *self);
const char                *sc_procedure_get_version       (ScProcedure       *self);
const char                *sc_procedure_get_review_date   (ScProcedure       *self);
gboolean                   sc_procedure_review_is_due     (ScProcedure       *self,
                                                           const char        *today);
guint                      sc_procedure_get_n_steps       (ScProcedure       *self);
guint                      sc_procedure_get_n_contacts    (ScProcedure       *self);
GPtrArray                 *sc_procedure_unset_contacts    (ScProcedure       *self);
const ScProcedureContact  *sc_procedure_get_contact       (ScProcedure       *self,
                                                           const char        *id);
const char *const         *sc_procedure_get_area_warnings (ScProcedure       *self,
                                                           const char        *area);
GPtrArray                 *sc_procedure_steps_for         (ScProcedure       *self,
                                                           const ScSituation *situation);
const ScProcedureStep     *sc_procedure_get_step          (ScProcedure       *self,
                                                           const char        *id);
GDateTime                 *sc_procedure_due               (ScProcedure           *self,
                                                           const ScProcedureStep *step,
                                                           GDateTime             *from);
gboolean                   sc_procedure_is_working_day    (ScProcedure       *self,
                                                           GDateTime         *day);

const char                *sc_procedure_step_get_id       (const ScProcedureStep *step);
const char                *sc_procedure_step_get_kind     (const ScProcedureStep *step);
const char                *sc_procedure_step_get_title    (const ScProcedureStep *step);
const char                *sc_procedure_step_get_guidance (const ScProcedureStep *step);
const char *const         *sc_procedure_step_get_contacts (const ScProcedureStep *step);
const char *const         *sc_procedure_step_get_warnings (const ScProcedureStep *step);
gboolean                   sc_procedure_step_has_deadline (const ScProcedureStep *step);
const char                *sc_procedure_step_unknown      (const ScProcedureStep *step,
                                                           const ScSituation     *situation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScProcedure, sc_procedure_unref)

/* For any JSON file a user hands the app (a council's procedure, a
 * scenario): read with a bound, and its nesting counted before parsing. */
char                      *sc_json_read_bounded           (const char        *path,
                                                           gsize              max_bytes,
                                                           gsize             *length,
                                                           GError           **error);
gboolean                   sc_json_check_nesting          (const char        *data,
                                                           gsize              length,
                                                           const char        *what,
                                                           GPtrArray         *problems);

G_END_DECLS
