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

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-procedure.h"

#define FORMAT_VERSION 1
/* Limits checked before a file reaches the JSON parser: the built-in file is
 * a few kilobytes and six levels deep. json-glib's parser recurses once per
 * level, so a file nested 100,000 deep would overflow the stack; and a 50 MB
 * file takes longer to parse than anyone waits for a window. */
#define MAX_FILE_SIZE (1024 * 1024)
#define MAX_DEPTH 64
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
  GStrv not_incident_types;  /* never for a concern of these types */
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
  char       *version;        /* the council's own, or NULL */
  char       *review_date;    /* "YYYY-MM-DD", or NULL */
  GPtrArray  *steps;          /* of ScProcedureStep, in order */
  GHashTable *contacts;       /* id → ScProcedureContact */
  GHashTable *bank_holidays;      /* "YYYY-MM-DD": added to the rule's */
  GHashTable *not_bank_holidays;  /* "YYYY-MM-DD": taken from the rule's */
  GHashTable *area_warnings;  /* area → GStrv */
};

static void
condition_free (Condition *c)
{
  g_strfreev (c->area);
  g_strfreev (c->involvement);
  g_strfreev (c->location);
  g_strfreev (c->not_incident_types);
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
  self->not_bank_holidays = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->area_warnings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_strfreev);
  return self;
}

G_DEFINE_BOXED_TYPE (ScProcedure, sc_procedure, sc_procedure_ref, sc_procedure_unref)

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
  g_free (self->version);
  g_free (self->review_date);
  g_ptr_array_unref (self->steps);
  g_hash_table_unref (self->contacts);
  g_hash_table_unref (self->bank_holidays);
  g_hash_table_unref (self->not_bank_holidays);
  g_hash_table_unref (self->area_warnings);
  g_free (self);
}

/* Reading, with a line for every problem ---------------------------------------- */

typedef struct
{
  GHashTable *lines;      /* JsonObject/JsonArray → line where it starts;
                           * JsonNode → line of the value it holds */
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

/* A value's line: where its object or array starts, or the line the parser
 * has just read it on. */
static void
note_value_line (Reader   *reader,
                 JsonNode *node)
{
  gpointer container = NULL;
  guint line;

  if (node == NULL)
    return;
  if (JSON_NODE_HOLDS_OBJECT (node))
    container = json_node_get_object (node);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    container = json_node_get_array (node);
  line = container != NULL
         ? GPOINTER_TO_UINT (g_hash_table_lookup (reader->lines, container))
         : json_parser_get_current_line (reader->parser);
  g_hash_table_insert (reader->lines, node, GUINT_TO_POINTER (line));
}

static void
object_member_cb (JsonParser *parser,
                  JsonObject *object,
                  const char *name,
                  Reader     *reader)
{
  note_value_line (reader, json_object_get_member (object, name));
}

static void
array_element_cb (JsonParser *parser,
                  JsonArray  *array,
                  guint       index,
                  Reader     *reader)
{
  note_value_line (reader, json_array_get_element (array, index));
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

/* Where @value stands in the list @member of @object, for a problem's line. */
static gpointer
where_in_list (JsonObject *object,
               const char *member,
               const char *value)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return node != NULL ? (gpointer) node : (gpointer) object;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (item) && g_strcmp0 (json_node_get_string (item), value) == 0)
        return item;
    }
  return node;
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
      problem (reader, node, "%s: \"%s\" must be a text, not empty", owner, member);
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
      problem (reader, node, "%s: \"%s\" must be a list", owner, member);
      return g_strv_builder_end (builder);
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING
          || *json_node_get_string (item) == '\0')
        problem (reader, item, "%s: \"%s\" must list texts only", owner, member);
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
      problem (reader, node, "%s: \"%s\" must be a whole number", owner, member);
      return -1;
    }
  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      problem (reader, node, "%s: \"%s\" must be from %d to %d", owner, member, min, max);
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
      problem (reader, json_object_get_member (object, l->data), "%s: unknown member \"%s\"",
               owner, (const char *) l->data);
}

static void
check_choices (Reader      *reader,
               JsonObject  *object,
               const char  *owner,
               const char  *field)
{
  JsonNode *node = json_object_get_member (object, field);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      const char *value = JSON_NODE_HOLDS_VALUE (item) ? json_node_get_string (item) : NULL;

      if (value != NULL && *value != '\0' && !sc_choice_is_valid (field, value))
        problem (reader, item, "%s: \"%s\" is not a known %s", owner, value, field);
    }
}

static Condition *
read_condition (Reader     *reader,
                JsonObject *object,
                const char *owner)
{
  static const char *const known[] = {
    "area", "involvement", "location", "not_incident_types", "min_child_age", "max_child_age",
    "adult_is_staff", NULL,
  };
  Condition *c = g_new0 (Condition, 1);
  JsonNode *staff = json_object_get_member (object, "adult_is_staff");

  check_members (reader, object, owner, known);
  c->area = json_object_has_member (object, "area") ? get_strings (reader, object, owner, "area") : NULL;
  c->involvement = json_object_has_member (object, "involvement")
                   ? get_strings (reader, object, owner, "involvement") : NULL;
  c->location = json_object_has_member (object, "location")
                ? get_strings (reader, object, owner, "location") : NULL;
  check_choices (reader, object, owner, "area");
  check_choices (reader, object, owner, "involvement");
  check_choices (reader, object, owner, "location");
  c->not_incident_types = json_object_has_member (object, "not_incident_types")
                          ? get_strings (reader, object, owner, "not_incident_types") : NULL;
  for (guint i = 0; c->not_incident_types != NULL && c->not_incident_types[i] != NULL; i++)
    if (!sc_choice_is_valid ("incident-types", c->not_incident_types[i]))
      problem (reader, where_in_list (object, "not_incident_types", c->not_incident_types[i]),
               "%s: \"%s\" is not a known incident type", owner, c->not_incident_types[i]);
  c->min_child_age = get_int (reader, object, owner, "min_child_age", 0, 25);
  c->max_child_age = get_int (reader, object, owner, "max_child_age", 0, 25);
  c->adult_is_staff = -1;
  if (staff != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (staff) || json_node_get_value_type (staff) != G_TYPE_BOOLEAN)
        problem (reader, staff, "%s: \"adult_is_staff\" must be true or false", owner);
      else
        c->adult_is_staff = json_node_get_boolean (staff) ? 1 : 0;
    }
  return c;
}

/* A step's "when" (one condition, or a list of alternatives) and its
 * "deadline". */
static void
read_when_and_deadline (Reader          *reader,
                        ScProcedureStep *step,
                        JsonObject      *object,
                        const char      *owner)
{
  JsonNode *when, *deadline;

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
            problem (reader, alt, "%s: each \"when\" must be an object", owner);
          else
            g_ptr_array_add (step->conditions,
                             read_condition (reader, json_node_get_object (alt), owner));
        }
    }
  else if (when != NULL)
    problem (reader, when, "%s: \"when\" must be an object or a list of objects", owner);

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
    problem (reader, deadline, "%s: \"deadline\" must be an object", owner);

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
  const char *id, *kind;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (reader, node, "%s is not an object", owner);
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
    problem (reader, json_object_get_member (object, "kind"), "%s: unknown kind \"%s\"", owner,
             kind);
  step->kind = g_strdup (kind);
  step->title = g_strdup (get_string (reader, object, owner, "title", TRUE));
  step->guidance = g_strdup (get_string (reader, object, owner, "guidance", TRUE));
  step->contacts = get_strings (reader, object, owner, "contacts");
  step->warnings = get_strings (reader, object, owner, "warnings");
  step->after = get_strings (reader, object, owner, "after");
  step->deadline_hours = -1;
  step->deadline_working_days = -1;

  read_when_and_deadline (reader, step, object, owner);

  for (guint i = 0; step->contacts[i] != NULL; i++)
    if (!g_hash_table_contains (self->contacts, step->contacts[i]))
      problem (reader, where_in_list (object, "contacts", step->contacts[i]),
               "%s: no contact \"%s\" in \"contacts\"", owner, step->contacts[i]);

  if (id != NULL)
    for (guint i = 0; i < self->steps->len; i++)
      if (g_strcmp0 (((ScProcedureStep *) self->steps->pdata[i])->id, id) == 0)
        problem (reader, json_object_get_member (object, "id"), "%s: the id \"%s\" is used twice",
                 owner, id);

  g_ptr_array_add (self->steps, step);
}

/* Digits, with the spaces, brackets, dashes and leading + people write
 * numbers with: "999", "0300 123 2040", "+44 (0)1632 960000". */
static gboolean
is_phone_number (const char *text)
{
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (!strchr (" ()-", *p) && !(*p == '+' && p == text))
        return FALSE;
    }
  return digits >= 3 && digits <= 15;
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
      problem (reader, node != NULL ? (gpointer) node : root, "\"contacts\" must be an object");
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
          problem (reader, c, "%s must be an object", owner);
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
        {
          contact->number = g_strdup (get_string (reader, object, owner, "number", TRUE));
          if (contact->number != NULL && !is_phone_number (contact->number))
            problem (reader, number, "%s: \"%s\" is not a phone number", owner, contact->number);
        }
      g_hash_table_replace (self->contacts, contact->id, contact);
    }
}

/* The dates listed as @key: days a council adds to the bank holidays of
 * the rule ("bank_holidays", a coronation), or takes from them
 * ("not_bank_holidays", a May Monday moved). */
static void
read_dates (Reader     *reader,
            JsonObject *root,
            const char *key,
            GHashTable *into)
{
  g_auto(GStrv) dates = get_strings (reader, root, "the procedure", key);

  for (guint i = 0; dates[i] != NULL; i++)
    {
      GDate date;

      if (strlen (dates[i]) != 10 || dates[i][4] != '-' || dates[i][7] != '-'
          || !sc_date_from_storage (dates[i], &date))
        problem (reader, where_in_list (root, key, dates[i]),
                 "%s: \"%s\" is not a YYYY-MM-DD date", key, dates[i]);
      else
        g_hash_table_add (into, g_strdup (dates[i]));
    }
}

static void
read_extras (Reader      *reader,
             ScProcedure *self,
             JsonObject  *root)
{
  JsonNode *warnings = json_object_get_member (root, "area_warnings");

  read_dates (reader, root, "bank_holidays", self->bank_holidays);
  read_dates (reader, root, "not_bank_holidays", self->not_bank_holidays);

  if (warnings != NULL && JSON_NODE_HOLDS_OBJECT (warnings))
    {
      JsonObject *object = json_node_get_object (warnings);
      g_autoptr(GList) areas = json_object_get_members (object);

      for (GList *l = areas; l != NULL; l = l->next)
        {
          if (!sc_choice_is_valid ("area", l->data))
            problem (reader, json_object_get_member (object, l->data),
                     "area_warnings: \"%s\" is not a known area",
                     (const char *) l->data);
          g_hash_table_replace (self->area_warnings, g_strdup (l->data),
                                get_strings (reader, object, "area_warnings", l->data));
        }
    }
  else if (warnings != NULL)
    problem (reader, warnings, "\"area_warnings\" must be an object");
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

      /* Every element was a step object, or reading would have stopped. */
      JsonObject *object = json_array_get_object_element (steps_array, i);

      for (guint j = 0; step->after[j] != NULL; j++)
        if (sc_procedure_get_step (self, step->after[j]) == NULL)
          problem (reader, where_in_list (object, "after", step->after[j]), "step \"%s\": \"after\" names no step \"%s\"",
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

/* A council's file may reword every step, but never drop the referrals the
 * framework makes mandatory: the LADO, the police, and the monitoring form
 * that "must be completed and returned" after every incident. */
static void
check_required_steps (Reader      *reader,
                      ScProcedure *self,
                      JsonNode    *steps)
{
  static const struct { const char *kind, *what; } required[] = {
    { "lado", "a LADO referral" },
    { "police", "a police step" },
    { "monitoring-form", "the incident monitoring form" },
  };

  for (guint r = 0; r < G_N_ELEMENTS (required); r++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < self->steps->len && !found; i++)
        found = g_strcmp0 (((ScProcedureStep *) self->steps->pdata[i])->kind, required[r].kind) == 0;
      if (!found)
        problem (reader, steps, "\"steps\" has no step of kind \"%s\": the procedure must keep %s",
                 required[r].kind, required[r].what);
    }
}

static ScProcedure *
read_procedure (Reader *reader,
                JsonNode *root_node)
{
  g_autoptr(ScProcedure) self = procedure_new ();
  static const char *const known[] = {
    "format", "name", "version", "review_date", "source", "bank_holidays", "not_bank_holidays",
    "contacts",
    "area_warnings", "steps", NULL,
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
    problem (reader, json_object_has_member (root, "format")
                     ? (gpointer) json_object_get_member (root, "format") : root,
             "\"format\" must be %d", FORMAT_VERSION);
  self->name = g_strdup (get_string (reader, root, "the procedure", "name", TRUE));
  /* Seed 002 section 6: the procedure is reviewed at least once a year. */
  self->version = g_strdup (get_string (reader, root, "the procedure", "version", FALSE));
  self->review_date = g_strdup (get_string (reader, root, "the procedure", "review_date", FALSE));
  if (self->review_date != NULL)
    {
      GDate date;

      if (strlen (self->review_date) != 10 || !sc_date_from_storage (self->review_date, &date))
        problem (reader, json_object_get_member (root, "review_date"),
                 "\"review_date\" \"%s\" is not a YYYY-MM-DD date", self->review_date);
    }

  read_contacts (reader, self, root);
  read_extras (reader, self, root);

  steps = json_object_get_member (root, "steps");
  if (steps == NULL || !JSON_NODE_HOLDS_ARRAY (steps)
      || json_array_get_length (json_node_get_array (steps)) == 0)
    problem (reader, steps != NULL ? (gpointer) steps : root,
             "\"steps\" must be a list of at least one step");
  else
    {
      JsonArray *array = json_node_get_array (steps);

      for (guint i = 0; i < json_array_get_length (array); i++)
        read_step (reader, self, json_array_get_element (array, i), i);
      if (reader->problems->len == 0)
        order_steps (reader, self, array);
      check_required_steps (reader, self, steps);
    }

  return reader->problems->len == 0 ? g_steal_pointer (&self) : NULL;
}

/* Nesting counted outside strings, before the parser sees the text: the
 * parser recurses once per level and would overflow the stack first. What
 * json-glib reads beyond JSON (comments, single-quoted texts) is refused
 * here, or a '"' inside one would hide the nesting after it. */
gboolean
sc_json_check_nesting (const char *data,
                       gsize       length,
                       const char *what,
                       GPtrArray  *problems)
{
  gboolean in_string = FALSE, escaped = FALSE;
  guint depth = 0, line = 1;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '\n')
        line++;
      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '/' || c == '\'')
        {
          /* json-glib also reads comments and single-quoted texts, inside
           * which a '"' would end this count early: plain JSON only. */
          g_ptr_array_add (problems,
                           g_strdup_printf ("%u: a comment or a single quote outside a text; a "
                                            "%s file is plain JSON", line, what));
          return FALSE;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_DEPTH)
            {
              g_ptr_array_add (problems,
                               g_strdup_printf ("%u: the file is nested more than %d levels deep; "
                                                "a %s needs only a few", line, MAX_DEPTH, what));
              return FALSE;
            }
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }
  return TRUE;
}

static char *
too_big_problem (gsize length)
{
  g_autofree char *size = g_format_size (length);

  return g_strdup_printf ("the file is %s; a procedure file is at most 1 MiB", size);
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
  g_signal_connect (parser, "object-member", G_CALLBACK (object_member_cb), &reader);
  g_signal_connect (parser, "array-element", G_CALLBACK (array_element_cb), &reader);

  /* Editors on Windows start UTF-8 files with a byte-order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (length > MAX_FILE_SIZE)
    g_ptr_array_add (problems, too_big_problem (length));
  else if (!g_utf8_validate (data, (gssize) length, NULL))
    g_ptr_array_add (problems, g_strdup ("1: the file is not UTF-8 text"));
  else if (!sc_json_check_nesting (data, length, "procedure", problems))
    ;
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

/* Reads at most one byte more than @max_bytes, whatever the file is: a
 * FIFO or /dev/zero must not hang or fill memory. @length is the size read,
 * or the size on disk when that is over the limit. */
char *
sc_json_read_bounded (const char *path,
                      gsize       max_bytes,
                      gsize      *length,
                      GError    **error)
{
  g_autofree char *data = NULL;
  struct stat st;
  gsize used = 0;
  int fd;

  fd = open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "the file cannot be opened: %s", g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "this is not a regular file");
      return NULL;
    }

  data = g_malloc (max_bytes + 2);
  while (used < max_bytes + 1)
    {
      ssize_t n = read (fd, data + used, max_bytes + 1 - used);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;

          close (fd);
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "the file cannot be read: %s", g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      used += (gsize) n;
    }
  close (fd);

  /* The size on disk, when it is over the limit, says more than "1 MiB + 1". */
  *length = used > max_bytes && (guint64) st.st_size > used ? (gsize) st.st_size : used;
  data[MIN (used, max_bytes + 1)] = '\0';
  return g_steal_pointer (&data);
}

ScProcedure *
sc_procedure_new_from_file (const char *path,
                            GPtrArray **problems,
                            GError    **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!(data = sc_json_read_bounded (path, MAX_FILE_SIZE, &length, error)))
    return NULL;
  if (length > MAX_FILE_SIZE)
    {
      /* Only the size is looked at: the text past the limit was never read,
       * so parse(), which strips a byte-order mark first, must not see it. */
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_free);

      g_ptr_array_add (list, too_big_problem (length));
      g_set_error (error, SC_PROCEDURE_ERROR, SC_PROCEDURE_ERROR_INVALID, "%s",
                   (const char *) list->pdata[0]);
      if (problems != NULL)
        *problems = g_steal_pointer (&list);
      return NULL;
    }
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

/* "FILE:LINE: problem", or "FILE: problem" for one that has no line (the
 * file's size, or that it cannot be read). */
char *
sc_procedure_format_problem (const char *path,
                             const char *problem)
{
  if (g_ascii_isdigit (*problem))
    return g_strdup_printf ("%s:%s", path, problem);
  return g_strdup_printf ("%s: %s", path, problem);
}

/* The administrator's file in /etc/safecase/ wins: a council's procedure is
 * not the worker's to replace. The worker's own file counts only where there
 * is none, and is ignored with a @notice where there is. A file that cannot
 * be used is never half used: the built-in procedure stays in force, and
 * @council_error says which file and why. @source is the file in use, or
 * NULL for the built-in one. */
ScProcedure *
sc_procedure_new_for_user_from (const char  *admin_path,
                                const char  *user_path,
                                char       **source,
                                char       **notice,
                                GError     **council_error)
{
  gboolean admin = g_file_test (admin_path, G_FILE_TEST_EXISTS);
  gboolean user = g_file_test (user_path, G_FILE_TEST_EXISTS);
  const char *path = admin ? admin_path : user ? user_path : NULL;
  g_autoptr(GError) error = NULL;
  ScProcedure *self;

  if (source != NULL)
    *source = NULL;
  if (notice != NULL)
    *notice = admin && user
              ? g_strdup_printf (_("Your own procedure file %s is ignored: the council’s file %s is in force."),
                                 user_path, admin_path)
              : NULL;
  if (path == NULL)
    return sc_procedure_new_default ();

  if ((self = sc_procedure_new_from_file (path, NULL, &error)))
    {
      if (source != NULL)
        *source = g_strdup (path);
      return self;
    }

  {
    g_autofree char *where = sc_procedure_format_problem (path, error->message);

    g_message ("Not using %s", where);
    g_set_error (council_error, SC_PROCEDURE_ERROR, SC_PROCEDURE_ERROR_INVALID, "%s", where);
  }
  return sc_procedure_new_default ();
}

ScProcedure *
sc_procedure_new_for_user (char   **source,
                           char   **notice,
                           GError **council_error)
{
  g_autofree char *user = g_build_filename (g_get_user_config_dir (), "safecase", "procedure.json",
                                            NULL);

  return sc_procedure_new_for_user_from ("/etc/safecase/procedure.json", user, source, notice,
                                         council_error);
}

/* Using it ------------------------------------------------------------------------ */

const char *
sc_procedure_get_name (ScProcedure *self)
{
  return self->name;
}

const char *
sc_procedure_get_version (ScProcedure *self)
{
  return self->version;
}

/* "YYYY-MM-DD", or NULL when the file gives none. */
const char *
sc_procedure_get_review_date (ScProcedure *self)
{
  return self->review_date;
}

/* The review date has passed on @today (local "YYYY-MM-DD"). */
gboolean
sc_procedure_review_is_due (ScProcedure *self,
                            const char  *today)
{
  return self->review_date != NULL && g_strcmp0 (self->review_date, today) < 0;
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

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* The names of the contacts with neither a number nor an address: the
 * local ones the council has not set yet, sorted, for whoever looks after
 * its file. */
GPtrArray *
sc_procedure_unset_contacts (ScProcedure *self)
{
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->contacts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const ScProcedureContact *contact = value;

      if (contact->number == NULL && contact->url == NULL)
        g_ptr_array_add (names, contact->name);
    }
  g_ptr_array_sort (names, compare_names);
  return names;
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

/* Whether a condition holds: certainly, not at all, or perhaps, because an
 * answer it reads is not known yet. An unknown answer never hides a step
 * that could apply (seed 002: better a step too many than one missed). */
typedef enum
{
  MATCH_NO,
  MATCH_MAYBE,
  MATCH_YES,
} Match;

static Match
list_match (GStrv       list,
            const char *value)
{
  if (list == NULL)
    return MATCH_YES;
  if (value == NULL || *value == '\0')
    return MATCH_MAYBE;
  return g_strv_contains ((const char *const *) list, value) ? MATCH_YES : MATCH_NO;
}

/* The condition's verdict, and the first answer it lacks. */
static Match
condition_match (const Condition   *c,
                 const ScSituation *s,
                 const char       **unknown)
{
  Match result = MATCH_YES;
  /* A sexual or grooming incident, whatever area it was filed under, gets
   * the sexual area's steps too: a grooming concern recorded as bullying
   * must still reach the police and CEOP. */
  gboolean sexual_type = sc_choice_list_has (s->incident_types, "sexual")
                         || sc_choice_list_has (s->incident_types, "grooming");
  Match area = list_match (c->area, s->area);
  struct { Match match; const char *what; } parts[] = {
    { area == MATCH_NO && sexual_type ? list_match (c->area, "sexual") : area,
      N_("the area of behaviour") },
    { list_match (c->involvement, s->involvement), N_("who is involved") },
    { list_match (c->location, s->location), N_("where it happened") },
    /* "Works with children" is a yes-or-not-known switch for now: not
     * ticked is not a "no". */
    /* Only an answer rules a step in or out; "not known" keeps it. */
    { c->adult_is_staff < 0 ? MATCH_YES
      : s->adult_works_with_children < 0 ? MATCH_MAYBE
      : c->adult_is_staff == s->adult_works_with_children ? MATCH_YES : MATCH_NO,
      N_("whether the adult works with children") },
    { s->child_age < 0 && (c->min_child_age >= 0 || c->max_child_age >= 0) ? MATCH_MAYBE
      : (c->min_child_age >= 0 && s->child_age < c->min_child_age)
        || (c->max_child_age >= 0 && s->child_age > c->max_child_age) ? MATCH_NO : MATCH_YES,
      N_("the child's date of birth") },
  };

  for (guint i = 0; c->not_incident_types != NULL && c->not_incident_types[i] != NULL; i++)
    if (sc_choice_list_has (s->incident_types, c->not_incident_types[i]))
      return MATCH_NO;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i].match == MATCH_NO)
        return MATCH_NO;
      if (parts[i].match == MATCH_MAYBE && result == MATCH_YES)
        {
          result = MATCH_MAYBE;
          if (unknown != NULL)
            *unknown = parts[i].what;
        }
    }
  return result;
}

static Match
step_match (const ScProcedureStep *step,
            const ScSituation     *situation,
            const char           **unknown)
{
  Match best = step->conditions->len == 0 ? MATCH_YES : MATCH_NO;

  for (guint j = 0; best != MATCH_YES && j < step->conditions->len; j++)
    {
      const char *missing = NULL;
      Match m = condition_match (step->conditions->pdata[j], situation, &missing);

      if (m > best)
        {
          best = m;
          if (unknown != NULL)
            *unknown = missing;
        }
    }
  return best;
}

/* The steps that apply or may apply, in order; borrowed from the procedure. */
GPtrArray *
sc_procedure_steps_for (ScProcedure       *self,
                        const ScSituation *situation)
{
  GPtrArray *steps = g_ptr_array_new ();

  for (guint i = 0; i < self->steps->len; i++)
    if (step_match (self->steps->pdata[i], situation, NULL) != MATCH_NO)
      g_ptr_array_add (steps, self->steps->pdata[i]);
  return steps;
}

/* NULL when @step certainly applies to @situation; otherwise the answer
 * (translated, "who is involved") that would confirm it. */
const char *
sc_procedure_step_unknown (const ScProcedureStep *step,
                           const ScSituation     *situation)
{
  const char *unknown = NULL;

  if (step_match (step, situation, &unknown) != MATCH_MAYBE)
    return NULL;
  return unknown != NULL ? g_dgettext (GETTEXT_PACKAGE, unknown) : NULL;
}

/* Whether @date is a working day in England: a weekday that is not a bank
 * holiday by the rule (sc_date_is_bank_holiday()) or the council's file. */
static gboolean
is_working_date (ScProcedure *self,
                 const GDate *date)
{
  g_autofree char *text = sc_date_to_storage (date);
  gboolean holiday = g_hash_table_contains (self->bank_holidays, text)
                     || (sc_date_is_bank_holiday (date)
                         && !g_hash_table_contains (self->not_bank_holidays, text));

  return g_date_get_weekday (date) <= G_DATE_FRIDAY && !holiday;
}

/* The London calendar day of @moment; FALSE outside the calendar. */
static gboolean
london_date (GDateTime *moment,
             GDate     *date)
{
  g_autoptr(GDateTime) london = g_date_time_to_timezone (moment, sc_time_zone_london ());

  if (london == NULL)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (london),
                  (GDateMonth) g_date_time_get_month (london), (GDateYear) g_date_time_get_year (london));
  return TRUE;
}

gboolean
sc_procedure_is_working_day (ScProcedure *self,
                             GDateTime   *day)
{
  GDate date;

  return london_date (day, &date) && is_working_date (self, &date);
}

/* When @step falls due, for a concern that came to light at @from, in
 * London time. Working days skip weekends and bank holidays, and keep the
 * hour on the clock across a change to or from summer time: a referral due
 * "within one working day" of Friday 3 pm is due on Monday at 3 pm. NULL
 * when the step has no deadline, or the date is outside the calendar. */
GDateTime *
sc_procedure_due (ScProcedure           *self,
                  const ScProcedureStep *step,
                  GDateTime             *from)
{
  g_autoptr(GDateTime) start = NULL;
  GDate date;

  if (step->deadline_hours > 0)
    {
      g_autoptr(GDateTime) after = g_date_time_add_hours (from, step->deadline_hours);

      return after != NULL ? g_date_time_to_timezone (after, sc_time_zone_london ()) : NULL;
    }
  if (step->deadline_working_days < 0
      || !(start = g_date_time_to_timezone (from, sc_time_zone_london ()))
      || !london_date (from, &date))
    return NULL;

  /* Day by day on the calendar, then the same hour on the clock that day. */
  for (int counted = 0; counted < step->deadline_working_days;)
    {
      if (g_date_get_year (&date) >= 9999)
        return NULL;
      g_date_add_days (&date, 1);
      if (is_working_date (self, &date))
        counted++;
    }
  return g_date_time_new (sc_time_zone_london (), g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), g_date_time_get_hour (start),
                          g_date_time_get_minute (start), g_date_time_get_seconds (start));
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
