/* sc-explain.c: the steps a concern would get, for a council testing its file
 *
 * A scenario is a small JSON object with the answers a concern holds, in
 * the ids the app uses: "area", "incident_type" (one id or a list),
 * "involvement" (absent: not answered yet), "location", "setting",
 * "child_age", "other_child_age" (absent: not known),
 * "adult_works_with_children" ("yes", "no" or "unknown") and
 * "discovered_at" (ISO 8601 with its offset). The steps come from the same
 * engine as the window's (sc_procedure_steps_for(), sc_procedure_due()),
 * one per line: id, title, when it falls due in London time (empty without
 * a deadline), and whether it applies or may apply.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-explain"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "sc-choices.h"
#include "sc-dates.h"
#include "sc-explain.h"

#define MAX_SCENARIO_BYTES (64 * 1024)

G_DEFINE_QUARK (sc-explain-error-quark, sc_explain_error)

static gboolean
refuse (GError    **error,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError    **error,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (SC_EXPLAIN_ERROR, 0, format, args));
  va_end (args);
  return FALSE;
}

/* The string at @key, one of the choices for @field; NULL (and no error)
 * when absent or null. */
static gboolean
read_choice (JsonObject  *root,
             const char  *key,
             const char  *field,
             const char **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (root, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return refuse (error, "\"%s\" must be a text", key);
  *out = json_node_get_string (node);
  if (*field != '\0' && (**out == '\0' || !sc_choice_is_valid (field, *out)))
    return refuse (error, "\"%s\" is \"%s\", which is not one of the app's choices", key, *out);
  return TRUE;
}

/* An age in whole years, or -1 when absent or null. */
static gboolean
read_age (JsonObject  *root,
          const char  *key,
          int         *out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (root, key);
  gint64 age;

  *out = -1;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return refuse (error, "\"%s\" must be a whole number of years", key);
  age = json_node_get_int (node);
  if (age < 0 || age > 120)
    return refuse (error, "\"%s\" is %" G_GINT64_FORMAT ", which is not an age", key, age);
  *out = (int) age;
  return TRUE;
}

/* "incident_type": one id, or a list of them, joined as the concern keeps
 * them ("sexual,grooming"). */
static gboolean
read_incident_types (JsonObject  *root,
                     char       **out,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (root, "incident_type");
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    g_strv_builder_add (ids, json_node_get_string (node));
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
            return refuse (error, "\"incident_type\" must be a text or a list of texts");
          g_strv_builder_add (ids, json_node_get_string (element));
        }
    }
  else
    return refuse (error, "\"incident_type\" must be a text or a list of texts");
  list = g_strv_builder_end (ids);
  for (guint i = 0; list[i] != NULL; i++)
    if (*list[i] == '\0' || strchr (list[i], ',') != NULL
        || !sc_choice_is_valid ("incident-types", list[i]))
      return refuse (error, "\"incident_type\" \"%s\" is not one of the app's choices", list[i]);
  *out = g_strjoinv (",", list);
  return TRUE;
}

/* What the parser saw that it would otherwise let pass: a key given
 * twice (the last would win), and more than one value at the top. */
typedef struct
{
  GHashTable *keys;     /* "OBJECT/KEY" */
  guint       depth;
  guint       tops;
  char       *twice;
} Watch;

static void
container_start_cb (JsonParser *parser,
                    Watch      *watch)
{
  if (watch->depth++ == 0)
    watch->tops++;
}

static void
container_end_cb (JsonParser *parser,
                  gpointer    container,
                  Watch      *watch)
{
  watch->depth--;
}

static void
member_cb (JsonParser *parser,
           JsonObject *object,
           const char *name,
           Watch      *watch)
{
  char *key = g_strdup_printf ("%p/%s", (gpointer) object, name);

  if (!g_hash_table_add (watch->keys, key) && watch->twice == NULL)
    watch->twice = g_strdup (name);
}

/* A title on one line of its own column. */
static char *
one_cell (const char *text)
{
  char *cell = g_strdup (text);

  return g_strdelimit (cell, "\t\r\n", ' ');
}

/* The steps @procedure gives the concern @data describes, appended to @out
 * one per line as "id<TAB>title<TAB>due<TAB>applies|may-apply". */
gboolean
sc_explain_response (ScProcedure  *procedure,
                     const char   *data,
                     gsize         length,
                     GString      *out,
                     GError      **error)
{
  static const char *const known[] = {
    "area", "incident_type", "involvement", "location", "setting", "child_age",
    "other_child_age", "adult_works_with_children", "discovered_at", NULL,
  };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *twice = NULL;
  Watch watch = { keys, 0, 0, NULL };
  gboolean loaded;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GDateTime) discovered = NULL;
  g_autofree char *incident_types = NULL;
  const char *setting = NULL, *works = NULL;
  ScSituation situation = { NULL, NULL, NULL, -1, -1, NULL };
  JsonObject *root;
  JsonNode *node;
  int other_child_age;

  g_return_val_if_fail (procedure != NULL && out != NULL, FALSE);

  /* Bounded and counted before the parser sees it. */
  if (length > MAX_SCENARIO_BYTES)
    return refuse (error, "the scenario is %" G_GSIZE_FORMAT " bytes; a scenario is at most 64 KiB",
                   length);
  if (!g_utf8_validate (data, (gssize) length, NULL))
    return refuse (error, "the scenario is not UTF-8 text");
  if (!sc_json_check_nesting (data, length, "scenario", problems))
    return refuse (error, "%s", (const char *) problems->pdata[0]);
  g_signal_connect (parser, "object-start", G_CALLBACK (container_start_cb), &watch);
  g_signal_connect (parser, "array-start", G_CALLBACK (container_start_cb), &watch);
  g_signal_connect (parser, "object-end", G_CALLBACK (container_end_cb), &watch);
  g_signal_connect (parser, "array-end", G_CALLBACK (container_end_cb), &watch);
  g_signal_connect (parser, "object-member", G_CALLBACK (member_cb), &watch);
  loaded = json_parser_load_from_data (parser, data, (gssize) length, &parse_error);
  twice = watch.twice;
  if (!loaded)
    return refuse (error, "%s", parse_error->message);
  if (twice != NULL)
    return refuse (error, "\"%s\" is given twice; say each answer once", twice);
  if (watch.tops > 1)
    return refuse (error, "a scenario is one JSON object, and this file holds more");
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, "a scenario is a JSON object");
  root = json_node_get_object (node);
  members = json_object_get_members (root);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      return refuse (error, "\"%s\" is not a scenario key (known: area, incident_type, "
                     "involvement, location, setting, child_age, other_child_age, "
                     "adult_works_with_children, discovered_at)", (const char *) l->data);

  if (!read_choice (root, "area", "area", &situation.area, error)
      || !read_incident_types (root, &incident_types, error)
      || !read_choice (root, "involvement", "involvement", &situation.involvement, error)
      || !read_choice (root, "location", "location", &situation.location, error)
      || !read_choice (root, "setting", "setting-type", &setting, error)
      || !read_choice (root, "adult_works_with_children", "adult-works-with-children", &works, error)
      || !read_age (root, "child_age", &situation.child_age, error)
      || !read_age (root, "other_child_age", &other_child_age, error))
    return FALSE;
  if (situation.area == NULL)
    return refuse (error, "a scenario needs its \"area\"");
  situation.incident_types = incident_types;
  situation.adult_works_with_children = works == NULL || g_str_equal (works, "unknown") ? -1
                                        : g_str_equal (works, "yes") ? 1 : 0;

  node = json_object_get_member (root, "discovered_at");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
          || !(discovered = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL)))
        return refuse (error, "\"discovered_at\" must be an ISO 8601 time with its offset, "
                       "such as 2026-11-20T15:00:00+00:00");
      if (g_date_time_get_year (discovered) < 1900 || g_date_time_get_year (discovered) > 2200)
        return refuse (error, "\"discovered_at\" is in %d: a concern comes to light between 1900 "
                       "and 2200", g_date_time_get_year (discovered));
    }

  steps = sc_procedure_steps_for (procedure, &situation);
  for (guint i = 0; i < steps->len; i++)
    {
      const ScProcedureStep *step = steps->pdata[i];
      g_autoptr(GDateTime) due = discovered != NULL ? sc_procedure_due (procedure, step, discovered)
                                                    : NULL;
      g_autofree char *due_text = due != NULL ? g_date_time_format (due, "%Y-%m-%dT%H:%M:%S%:z")
                                              : g_strdup ("");
      g_autofree char *title = one_cell (sc_procedure_step_get_title (step));

      g_string_append_printf (out, "%s\t%s\t%s\t%s\n", sc_procedure_step_get_id (step), title,
                              due_text,
                              sc_procedure_step_unknown (step, &situation) != NULL ? "may-apply"
                                                                                    : "applies");
    }
  return TRUE;
}

/* The same for the scenario in the file at @path, read with a bound. */
gboolean
sc_explain_response_file (ScProcedure  *procedure,
                          const char   *path,
                          GString      *out,
                          GError      **error)
{
  gsize length = 0;
  g_autofree char *data = sc_json_read_bounded (path, MAX_SCENARIO_BYTES, &length, error);

  return data != NULL && sc_explain_response (procedure, data, length, out, error);
}
