/* sc-procedure.c: the council's response procedure, as data
 *
 * The procedure is a JSON file (data/procedure.json is the built-in one): its
 * contacts, bank holidays, and the steps of the response, each with the
 * conditions under which it applies. A council replaces it with its own in
 * $XDG_CONFIG_HOME/safecase/ or /etc/safecase/. The loader checks the whole
 * file and lists every problem with its line: the app never runs on half a
 * procedure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-procedure"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-procedure.h"

#define FORMAT_VERSION 1
#define DEFAULT_RESOURCE "/io/github/safecase/Safecase/core/procedure.json"

G_DEFINE_QUARK (sc-procedure-error-quark, sc_procedure_error)

static const char *const step_kinds[] = {
  "support", "evidence", "police", "provider-takedown", "lado", "child-protection",
  "parents-carers", "hr-disciplinary", "monitoring-form", "other", NULL,
};

typedef struct
{
  GStrv area;
  GStrv involvement;
  GStrv location;
  int   min_child_age;   /* -1: none */
  int   max_child_age;   /* -1: none */
  int   adult_is_staff;  /* -1: either */
} Condition;

struct _ScProcedureStep
{
  char      *id;
  char      *kind;
  char      *title;
  char      *guidance;
  GStrv      contacts;
  GStrv      warnings;
  GStrv      after;
  int        deadline_hours;
  int        deadline_working_days;
  GPtrArray *conditions;   /* of Condition; empty: always */
};

struct _ScProcedure
{
  gint        refs;
  char       *name;
  GPtrArray  *steps;          /* of ScProcedureStep, in order */
  GHashTable *contacts;       /* id → ScProcedureContact */
  GHashTable *bank_holidays;  /* "YYYY-MM-DD" */
  GHashTable *area_warnings;  /* area → GStrv */
};

static void
condition_free (Condition *c)
{
  g_strfreev (c->area);
  g_strfreev (c->involvement);
  g_strfreev (c->location);
  g_free (c);
}

static void
step_free (ScProcedureStep *step)
{
  g_free (step->id);
  g_free (step->kind);
  g_free (step->title);
  g_free (step->guidance);
  g_strfreev (step->contacts);
  g_strfreev (step->warnings);
  g_strfreev (step->after);
  g_ptr_array_unref (step->conditions);
  g_free (step);
}

static void
contact_free (ScProcedureContact *contact)
{
  g_free (contact->id);
  g_free (contact->name);
  g_free (contact->number);
  g_free (contact->url);
  g_free (contact);
}

static ScProcedure *
procedure_new (void)
{
  ScProcedure *self = g_new0 (ScProcedure, 1);

  self->refs = 1;
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->contacts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) contact_free);
  self->bank_holidays = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->area_warnings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_strfreev);
  return self;
}

ScProcedure *
sc_procedure_ref (ScProcedure *self)
{
  g_atomic_int_inc (&self->refs);
  return self;
}

void
sc_procedure_unref (ScProcedure *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->refs))
    return;
  g_free (self->name);
  g_ptr_array_unref (self->steps);
  g_hash_table_unref (self->contacts);
  g_hash_table_unref (self->bank_holidays);
  g_hash_table_unref (self->area_warnings);
  g_free (self);
}

/* Reading, with a line for every problem ---------------------------------------- */

typedef struct
{
  GHashTable *lines;      /* JsonObject/JsonArray → line where it starts */
  GArray     *open;       /* lines of the objects and arrays being read */
  JsonParser *parser;
  GPtrArray  *problems;   /* "LINE: what is wrong" */
} Reader;

static void
container_start_cb (JsonParser *parser,
                    Reader     *reader)
{
  guint line = json_parser_get_current_line (parser);

  g_array_append_val (reader->open, line);
}

static void
object_end_cb (JsonParser *parser,
               JsonObject *object,
               Reader     *reader)
{
  guint line = g_array_index (reader->open, guint, reader->open->len - 1);

  g_array_set_size (reader->open, reader->open->len - 1);
  g_hash_table_insert (reader->lines, object, GUINT_TO_POINTER (line));
}

static void
array_end_cb (JsonParser *parser,
              JsonArray  *array,
              Reader     *reader)
{
  guint line = g_array_index (reader->open, guint, reader->open->len - 1);

  g_array_set_size (reader->open, reader->open->len - 1);
  g_hash_table_insert (reader->lines, array, GUINT_TO_POINTER (line));
}

G_GNUC_PRINTF (3, 4)
static void
problem (Reader     *reader,
         gpointer    where,
         const char *format,
         ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  g_ptr_array_add (reader->problems,
                   g_strdup_printf ("%u: %s",
                                    GPOINTER_TO_UINT (g_hash_table_lookup (reader->lines, where)),
                                    text));
}

/* A member that must be a string, if present (or always, if @required). */
static const char *
get_string (Reader     *reader,
            JsonObject *object,
            const char *owner,
            const char *member,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    {
      if (required)
        problem (reader, object, "%s has no \"%s\"", owner, member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || *json_node_get_string (node) == '\0')
    {
      problem (reader, object, "%s: \"%s\" must be a text, not empty", owner, member);
      return NULL;
    }
  return json_node_get_string (node);
}

/* A member that must be an array of non-empty strings, if present. */
static GStrv
get_strings (Reader     *reader,
             JsonObject *object,
             const char *owner,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL)
    return g_strv_builder_end (builder);
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (reader, object, "%s: \"%s\" must be a list", owner, member);
      return g_strv_builder_end (builder);
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING
          || *json_node_get_string (item) == '\0')
        problem (reader, object, "%s: \"%s\" must list texts only", owner, member);
      else
        g_strv_builder_add (builder, json_node_get_string (item));
    }
  return g_strv_builder_end (builder);
}

static int
get_int (Reader     *reader,
         JsonObject *object,
         const char *owner,
         const char *member,
         int         min,
         int         max)
{
  JsonNode *node = json_object_get_member (object, member);
  gint64 value;

  if (node == NULL)
    return -1;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      problem (reader, object, "%s: \"%s\" must be a whole number", owner, member);
      return -1;
    }
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      problem (reader, object, "%s: \"%s\" must be from %d to %d", owner, member, min, max);
      return -1;
    }
  return (int) value;
}

static void
check_members (Reader            *reader,
               JsonObject        *object,
               const char        *owner,
               const char *const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      problem (reader, object, "%s: unknown member \"%s\"", owner, (const char *) l->data);
}

static void
check_choices (Reader      *reader,
               JsonObject  *object,
               const char  *owner,
               const char  *field,
               GStrv        values)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (!sc_choice_is_valid (field, values[i]))
      problem (reader, object, "%s: \"%s\" is not a known %s", owner, values[i], field);
}

static Condition *
read_condition (Reader     *reader,
                JsonObject *object,
                const char *owner)
{
  static const char *const known[] = {
    "area", "involvement", "location", "min_child_age", "max_child_age", "adult_is_staff", NULL,
  };
  Condition *c = g_new0 (Condition, 1);
  JsonNode *staff = json_object_get_member (object, "adult_is_staff");

  check_members (reader, object, owner, known);
  c->area = json_object_has_member (object, "area") ? get_strings (reader, object, owner, "area") : NULL;
  c->involvement = json_object_has_member (object, "involvement")
                   ? get_strings (reader, object, owner, "involvement") : NULL;
  c->location = json_object_has_member (object, "location")
                ? get_strings (reader, object, owner, "location") : NULL;
  check_choices (reader, object, owner, "area", c->area);
  check_choices (reader, object, owner, "involvement", c->involvement);
  check_choices (reader, object, owner, "location", c->location);
  c->min_child_age = get_int (reader, object, owner, "min_child_age", 0, 25);
  c->max_child_age = get_int (reader, object, owner, "max_child_age", 0, 25);
  c->adult_is_staff = -1;
  if (staff != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (staff) || json_node_get_value_type (staff) != G_TYPE_BOOLEAN)
        problem (reader, object, "%s: \"adult_is_staff\" must be true or false", owner);
      else
        c->adult_is_staff = json_node_get_boolean (staff) ? 1 : 0;
    }
  return c;
}

static void
read_step (Reader      *reader,
           ScProcedure *self,
           JsonNode    *node,
           guint        index)
{
  static const char *const known[] = {
    "id", "kind", "title", "guidance", "contacts", "warnings", "when", "deadline", "after", NULL,
  };
  g_autofree char *owner = g_strdup_printf ("step %u", index + 1);
  ScProcedureStep *step;
  JsonObject *object;
  JsonNode *when, *deadline;
  const char *id, *kind;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (reader, json_node_get_parent (node) != NULL
                       ? (gpointer) json_node_get_array (json_node_get_parent (node)) : NULL,
               "%s is not an object", owner);
      return;
    }
  object = json_node_get_object (node);

  if ((id = get_string (reader, object, owner, "id", TRUE)) != NULL)
    {
      g_free (owner);
      owner = g_strdup_printf ("step \"%s\"", id);
    }
  check_members (reader, object, owner, known);

  step = g_new0 (ScProcedureStep, 1);
  step->conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) condition_free);
  step->id = g_strdup (id);
  kind = get_string (reader, object, owner, "kind", TRUE);
  if (kind != NULL && !g_strv_contains (step_kinds, kind))
    problem (reader, object, "%s: unknown kind \"%s\"", owner, kind);
  step->kind = g_strdup (kind);
  step->title = g_strdup (get_string (reader, object, owner, "title", TRUE));
  step->guidance = g_strdup (get_string (reader, object, owner, "guidance", TRUE));
  step->contacts = get_strings (reader, object, owner, "contacts");
  step->warnings = get_strings (reader, object, owner, "warnings");
  step->after = get_strings (reader, object, owner, "after");
  step->deadline_hours = -1;
  step->deadline_working_days = -1;

  when = json_object_get_member (object, "when");
  if (when != NULL && JSON_NODE_HOLDS_OBJECT (when))
    g_ptr_array_add (step->conditions, read_condition (reader, json_node_get_object (when), owner));
  else if (when != NULL && JSON_NODE_HOLDS_ARRAY (when))
    {
      JsonArray *alternatives = json_node_get_array (when);

      for (guint i = 0; i < json_array_get_length (alternatives); i++)
        {
          JsonNode *alt = json_array_get_element (alternatives, i);

          if (!JSON_NODE_HOLDS_OBJECT (alt))
            problem (reader, object, "%s: each \"when\" must be an object", owner);
          else
            g_ptr_array_add (step->conditions,
                             read_condition (reader, json_node_get_object (alt), owner));
        }
    }
  else if (when != NULL)
    problem (reader, object, "%s: \"when\" must be an object or a list of objects", owner);

  deadline = json_object_get_member (object, "deadline");
  if (deadline != NULL && JSON_NODE_HOLDS_OBJECT (deadline))
    {
      JsonObject *d = json_node_get_object (deadline);
      static const char *const deadline_known[] = { "hours", "working_days", NULL };

      check_members (reader, d, owner, deadline_known);
      step->deadline_hours = get_int (reader, d, owner, "hours", 1, 24 * 365);
      step->deadline_working_days = get_int (reader, d, owner, "working_days", 0, 365);
      if (step->deadline_hours < 0 && step->deadline_working_days < 0)
        problem (reader, d, "%s: a deadline needs \"hours\" or \"working_days\"", owner);
    }
  else if (deadline != NULL)
    problem (reader, object, "%s: \"deadline\" must be an object", owner);

  for (guint i = 0; step->contacts[i] != NULL; i++)
    if (!g_hash_table_contains (self->contacts, step->contacts[i]))
      problem (reader, object, "%s: no contact \"%s\" in \"contacts\"", owner, step->contacts[i]);

  if (id != NULL)
    for (guint i = 0; i < self->steps->len; i++)
      if (g_strcmp0 (((ScProcedureStep *) self->steps->pdata[i])->id, id) == 0)
        problem (reader, object, "%s: the id \"%s\" is used twice", owner, id);

  g_ptr_array_add (self->steps, step);
}

static void
read_contacts (Reader      *reader,
               ScProcedure *self,
               JsonObject  *root)
{
  JsonNode *node = json_object_get_member (root, "contacts");
  g_autoptr(GList) ids = NULL;
  JsonObject *contacts;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (reader, root, "\"contacts\" must be an object");
      return;
    }
  contacts = json_node_get_object (node);
  ids = json_object_get_members (contacts);

  for (GList *l = ids; l != NULL; l = l->next)
    {
      static const char *const known[] = { "name", "number", "url", NULL };
      JsonNode *c = json_object_get_member (contacts, l->data);
      g_autofree char *owner = g_strdup_printf ("contact \"%s\"", (const char *) l->data);
      ScProcedureContact *contact;
      JsonObject *object;
      JsonNode *number;

      if (!JSON_NODE_HOLDS_OBJECT (c))
        {
          problem (reader, contacts, "%s must be an object", owner);
          continue;
        }
      object = json_node_get_object (c);
      check_members (reader, object, owner, known);

      contact = g_new0 (ScProcedureContact, 1);
      contact->id = g_strdup (l->data);
      contact->name = g_strdup (get_string (reader, object, owner, "name", TRUE));
      contact->url = g_strdup (get_string (reader, object, owner, "url", FALSE));
      number = json_object_get_member (object, "number");
      if (number != NULL && !JSON_NODE_HOLDS_NULL (number))
        contact->number = g_strdup (get_string (reader, object, owner, "number", TRUE));
      g_hash_table_replace (self->contacts, contact->id, contact);
    }
}

static void
read_extras (Reader      *reader,
             ScProcedure *self,
             JsonObject  *root)
{
  g_auto(GStrv) holidays = get_strings (reader, root, "the procedure", "bank_holidays");
  JsonNode *warnings = json_object_get_member (root, "area_warnings");

  for (guint i = 0; holidays[i] != NULL; i++)
    {
      GDate date;

      if (strlen (holidays[i]) != 10 || holidays[i][4] != '-' || holidays[i][7] != '-'
          || !sc_date_from_storage (holidays[i], &date))
        problem (reader, root, "bank holiday \"%s\" is not a YYYY-MM-DD date", holidays[i]);
      else
        g_hash_table_add (self->bank_holidays, g_strdup (holidays[i]));
    }

  if (warnings != NULL && JSON_NODE_HOLDS_OBJECT (warnings))
    {
      JsonObject *object = json_node_get_object (warnings);
      g_autoptr(GList) areas = json_object_get_members (object);

      for (GList *l = areas; l != NULL; l = l->next)
        {
          if (!sc_choice_is_valid ("area", l->data))
            problem (reader, object, "area_warnings: \"%s\" is not a known area",
                     (const char *) l->data);
          g_hash_table_replace (self->area_warnings, g_strdup (l->data),
                                get_strings (reader, object, "area_warnings", l->data));
        }
    }
  else if (warnings != NULL)
    problem (reader, root, "\"area_warnings\" must be an object");
}

/* "after" puts a step behind others; a cycle could never be ordered. */
static gboolean
order_steps (Reader      *reader,
             ScProcedure *self,
             JsonArray   *steps_array)
{
  g_autoptr(GPtrArray) ordered = g_ptr_array_new ();
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean progress = TRUE;

  for (guint i = 0; i < self->steps->len; i++)
    {
      ScProcedureStep *step = self->steps->pdata[i];

      for (guint j = 0; step->after[j] != NULL; j++)
        if (sc_procedure_get_step (self, step->after[j]) == NULL)
          problem (reader, steps_array, "step \"%s\": \"after\" names no step \"%s\"",
                   step->id, step->after[j]);
    }
  if (reader->problems->len > 0)
    return FALSE;

  while (ordered->len < self->steps->len && progress)
    {
      progress = FALSE;
      for (guint i = 0; i < self->steps->len; i++)
        {
          ScProcedureStep *step = self->steps->pdata[i];
          gboolean ready = !g_hash_table_contains (placed, step->id);

          for (guint j = 0; ready && step->after[j] != NULL; j++)
            ready = g_hash_table_contains (placed, step->after[j]);
          if (ready)
            {
              g_ptr_array_add (ordered, step);
              g_hash_table_add (placed, step->id);
              progress = TRUE;
            }
        }
    }

  if (ordered->len < self->steps->len)
    {
      problem (reader, steps_array, "the steps' \"after\" lists go round in a cycle");
      return FALSE;
    }

  /* Same steps, in the order found. */
  g_ptr_array_set_free_func (self->steps, NULL);
  g_ptr_array_unref (self->steps);
  self->steps = g_ptr_array_copy (ordered, NULL, NULL);
  g_ptr_array_set_free_func (self->steps, (GDestroyNotify) step_free);
  return TRUE;
}

static ScProcedure *
read_procedure (Reader *reader,
                JsonNode *root_node)
{
  g_autoptr(ScProcedure) self = procedure_new ();
  static const char *const known[] = {
    "format", "name", "source", "bank_holidays", "contacts", "area_warnings", "steps", NULL,
  };
  JsonObject *root;
  JsonNode *steps;
  int format;

  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    {
      g_ptr_array_add (reader->problems, g_strdup ("1: the procedure must be a JSON object"));
      return NULL;
    }
  root = json_node_get_object (root_node);
  check_members (reader, root, "the procedure", known);

  format = get_int (reader, root, "the procedure", "format", 1, 1000);
  if (format != FORMAT_VERSION)
    problem (reader, root, "\"format\" must be %d", FORMAT_VERSION);
  self->name = g_strdup (get_string (reader, root, "the procedure", "name", TRUE));

  read_contacts (reader, self, root);
  read_extras (reader, self, root);

  steps = json_object_get_member (root, "steps");
  if (steps == NULL || !JSON_NODE_HOLDS_ARRAY (steps)
      || json_array_get_length (json_node_get_array (steps)) == 0)
    problem (reader, root, "\"steps\" must be a list of at least one step");
  else
    {
      JsonArray *array = json_node_get_array (steps);

      for (guint i = 0; i < json_array_get_length (array); i++)
        read_step (reader, self, json_array_get_element (array, i), i);
      if (reader->problems->len == 0)
        order_steps (reader, self, array);
    }

  return reader->problems->len == 0 ? g_steal_pointer (&self) : NULL;
}

static ScProcedure *
parse (const char *data,
       gsize       length,
       GPtrArray **problems_out,
       GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  Reader reader = { lines, open, parser, problems };
  ScProcedure *self = NULL;

  g_signal_connect (parser, "object-start", G_CALLBACK (container_start_cb), &reader);
  g_signal_connect (parser, "array-start", G_CALLBACK (container_start_cb), &reader);
  g_signal_connect (parser, "object-end", G_CALLBACK (object_end_cb), &reader);
  g_signal_connect (parser, "array-end", G_CALLBACK (array_end_cb), &reader);

  if (!g_utf8_validate (data, (gssize) length, NULL))
    g_ptr_array_add (problems, g_strdup ("1: the file is not UTF-8 text"));
  else if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      /* json-glib says "<data>:LINE:COLUMN: Parse error: …". */
      const char *message = parse_error->message;
      guint line = 0, column = 0;
      int used = 0;

      if (sscanf (message, "<data>:%u:%u: %n", &line, &column, &used) == 2 && used > 0)
        message += used;
      g_ptr_array_add (problems, g_strdup_printf ("%u: %s", line, message));
    }
  else
    self = read_procedure (&reader, json_parser_get_root (parser));

  if (self == NULL)
    {
      g_set_error (error, SC_PROCEDURE_ERROR, SC_PROCEDURE_ERROR_INVALID,
                   "%s", problems->len > 0 ? (const char *) problems->pdata[0] : "invalid");
      if (problems_out != NULL)
        *problems_out = g_steal_pointer (&problems);
    }
  return self;
}

/* For the fuzzer and for files already in memory. */
ScProcedure *
sc_procedure_new_from_data (const char *data,
                            gsize       length,
                            GPtrArray **problems,
                            GError    **error)
{
  return parse (data, length, problems, error);
}

ScProcedure *
sc_procedure_new_from_file (const char *path,
                            GPtrArray **problems,
                            GError    **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return parse (data, length, problems, error);
}

ScProcedure *
sc_procedure_new_default (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                     NULL);
  g_autoptr(GError) error = NULL;
  ScProcedure *self;

  g_assert (bytes != NULL);
  self = parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &error);
  if (self == NULL)
    g_error ("The built-in procedure is invalid: %s", error->message);
  return self;
}

/* The council's own procedure if there is one and it is valid; otherwise
 * the built-in one, with @council_error saying why the council's was not
 * used. @source is the file in use, or NULL for the built-in one. */
ScProcedure *
sc_procedure_new_for_user (char   **source,
                           GError **council_error)
{
  g_autofree char *user = g_build_filename (g_get_user_config_dir (), "safecase", "procedure.json",
                                            NULL);
  const char *candidates[] = { user, "/etc/safecase/procedure.json" };

  if (source != NULL)
    *source = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr(GError) error = NULL;
      ScProcedure *self;

      if (!g_file_test (candidates[i], G_FILE_TEST_EXISTS))
        continue;
      if ((self = sc_procedure_new_from_file (candidates[i], NULL, &error)))
        {
          if (source != NULL)
            *source = g_strdup (candidates[i]);
          return self;
        }
      g_message ("Not using %s: %s", candidates[i], error->message);
      g_set_error (council_error, SC_PROCEDURE_ERROR, SC_PROCEDURE_ERROR_INVALID,
                   "%s:%s", candidates[i], error->message);
      break;
    }

  return sc_procedure_new_default ();
}

/* Using it ------------------------------------------------------------------------ */

const char *
sc_procedure_get_name (ScProcedure *self)
{
  return self->name;
}

guint
sc_procedure_get_n_steps (ScProcedure *self)
{
  return self->steps->len;
}

guint
sc_procedure_get_n_contacts (ScProcedure *self)
{
  return g_hash_table_size (self->contacts);
}

const ScProcedureContact *
sc_procedure_get_contact (ScProcedure *self,
                          const char  *id)
{
  return g_hash_table_lookup (self->contacts, id);
}

const char *const *
sc_procedure_get_area_warnings (ScProcedure *self,
                                const char  *area)
{
  static const char *const none[] = { NULL };
  const char *const *warnings = g_hash_table_lookup (self->area_warnings, area != NULL ? area : "");

  return warnings != NULL ? warnings : none;
}

const ScProcedureStep *
sc_procedure_get_step (ScProcedure *self,
                       const char  *id)
{
  for (guint i = 0; i < self->steps->len; i++)
    if (g_strcmp0 (((ScProcedureStep *) self->steps->pdata[i])->id, id) == 0)
      return self->steps->pdata[i];
  return NULL;
}

static gboolean
list_allows (GStrv       list,
             const char *value)
{
  return list == NULL || (value != NULL && g_strv_contains ((const char *const *) list, value));
}

static gboolean
condition_matches (const Condition   *c,
                   const ScSituation *s)
{
  if (!list_allows (c->area, s->area) || !list_allows (c->involvement, s->involvement)
      || !list_allows (c->location, s->location))
    return FALSE;
  /* An unknown age shows the step: better a step too many than one missed. */
  if (s->child_age >= 0 && c->min_child_age >= 0 && s->child_age < c->min_child_age)
    return FALSE;
  if (s->child_age >= 0 && c->max_child_age >= 0 && s->child_age > c->max_child_age)
    return FALSE;
  if (c->adult_is_staff >= 0 && (c->adult_is_staff != 0) != (s->adult_is_staff != FALSE))
    return FALSE;
  return TRUE;
}

/* The steps that apply, in order; borrowed from the procedure. */
GPtrArray *
sc_procedure_steps_for (ScProcedure       *self,
                        const ScSituation *situation)
{
  GPtrArray *steps = g_ptr_array_new ();

  for (guint i = 0; i < self->steps->len; i++)
    {
      ScProcedureStep *step = self->steps->pdata[i];
      gboolean applies = step->conditions->len == 0;

      for (guint j = 0; !applies && j < step->conditions->len; j++)
        applies = condition_matches (step->conditions->pdata[j], situation);
      if (applies)
        g_ptr_array_add (steps, step);
    }
  return steps;
}

gboolean
sc_procedure_is_working_day (ScProcedure *self,
                             GDateTime   *day)
{
  g_autoptr(GDateTime) local = g_date_time_to_local (day);
  g_autofree char *date = g_date_time_format (local, "%Y-%m-%d");
  int weekday = g_date_time_get_day_of_week (local);

  return weekday <= 5 && !g_hash_table_contains (self->bank_holidays, date);
}

/* When @step falls due, for a concern recorded at @from. Working days skip
 * weekends and the procedure's bank holidays: a referral due "within one
 * working day" of Friday afternoon is due on Monday afternoon. NULL when the
 * step has no deadline. */
GDateTime *
sc_procedure_due (ScProcedure           *self,
                  const ScProcedureStep *step,
                  GDateTime             *from)
{
  g_autoptr(GDateTime) due = NULL;

  if (step->deadline_hours > 0)
    return g_date_time_add_hours (from, step->deadline_hours);
  if (step->deadline_working_days < 0)
    return NULL;

  due = g_date_time_ref (from);
  for (int counted = 0; counted < step->deadline_working_days;)
    {
      GDateTime *next = g_date_time_add_days (due, 1);

      g_date_time_unref (due);
      due = next;
      if (sc_procedure_is_working_day (self, due))
        counted++;
    }
  return g_steal_pointer (&due);
}

const char *
sc_procedure_step_get_id (const ScProcedureStep *step)
{
  return step->id;
}

const char *
sc_procedure_step_get_kind (const ScProcedureStep *step)
{
  return step->kind;
}

const char *
sc_procedure_step_get_title (const ScProcedureStep *step)
{
  return step->title;
}

const char *
sc_procedure_step_get_guidance (const ScProcedureStep *step)
{
  return step->guidance;
}

const char *const *
sc_procedure_step_get_contacts (const ScProcedureStep *step)
{
  return (const char *const *) step->contacts;
}

const char *const *
sc_procedure_step_get_warnings (const ScProcedureStep *step)
{
  return (const char *const *) step->warnings;
}

gboolean
sc_procedure_step_has_deadline (const ScProcedureStep *step)
{
  return step->deadline_hours > 0 || step->deadline_working_days >= 0;
}
