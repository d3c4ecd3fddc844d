/* test-procedure.c: the procedure file, its loader and its engine
 *
 * The expected steps of every cell of the framework's Tables 1-3 are
 * written here from reading the seed, not taken from the engine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <fcntl.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "sc-dates.h"
#include "sc-explain.h"
#include "sc-procedure.h"

/* A police step and the monitoring form, which every council file keeps. */
#define REQUIRED_STEPS \
  "{\"id\": \"p\", \"kind\": \"police\", \"title\": \"t\", \"guidance\": \"g\"}," \
  "{\"id\": \"m\", \"kind\": \"monitoring-form\", \"title\": \"t\", \"guidance\": \"g\"}"

typedef struct
{
  const char *area;
  const char *involvement;
  const char *location;
  const char *steps;   /* space-separated ids, in order */
} Cell;

/* Evidence: Tables 1 and 3 "locate and secure" at the setting, "ask the
 * family to supply" at home; Table 2 secure the device, never the image.
 * Police: Table 1 criminal proceedings (harassment, threats) for child and
 * adult perpetrators, malicious communications for public on staff; Table 2
 * police advice (PPIU) where a child is involved, police otherwise.
 * Professional: the Operations Manager first (seed 000 paras 34-36), and
 * LADO for staff on staff in every table (Table 3 says so, and
 * para 33 of seed 000 covers allegations against any employee), and for an
 * adult on a child (Table 2: "Referral to LADO"), where it may apply until
 * the worker says the adult works with children, as HR may; an unknown
 * answer never hides a step.
 * Parents: "notify parents" in Tables 1 and 3; in Table 2 only after advice.
 * Technical: takedown in all; CEOP and IWF for sexual content of children. */
static const Cell cells[] = {
  { "bullying", "child-on-child", "setting", "immediate-danger support evidence-setting police-bullying parents takedown monitoring-form" },
  { "bullying", "child-on-child", "home", "immediate-danger support evidence-home police-bullying parents takedown monitoring-form" },
  { "bullying", "child-on-adult", "setting", "immediate-danger support evidence-setting police-bullying parents takedown monitoring-form" },
  { "bullying", "child-on-adult", "home", "immediate-danger support evidence-home police-bullying parents takedown monitoring-form" },
  { "bullying", "adult-on-child", "setting", "immediate-danger operations-manager support evidence-setting police-bullying lado hr parents takedown monitoring-form" },
  { "bullying", "adult-on-child", "home", "immediate-danger operations-manager support evidence-home police-bullying lado hr parents takedown monitoring-form" },
  { "bullying", "staff-on-staff", "setting", "immediate-danger operations-manager support evidence-setting police-bullying lado hr takedown monitoring-form" },
  { "bullying", "staff-on-staff", "home", "immediate-danger operations-manager support evidence-home police-bullying lado hr takedown monitoring-form" },
  { "bullying", "public-on-staff", "setting", "immediate-danger support evidence-setting police-malicious takedown monitoring-form" },
  { "bullying", "public-on-staff", "home", "immediate-danger support evidence-home police-malicious takedown monitoring-form" },

  { "sexual", "child-on-child", "setting", "immediate-danger support evidence-sexual police-sexual child-protection parents-sexual takedown-sexual ceop iwf monitoring-form" },
  { "sexual", "child-on-child", "home", "immediate-danger support evidence-sexual police-sexual child-protection parents-sexual takedown-sexual ceop iwf monitoring-form" },
  { "sexual", "child-on-adult", "setting", "immediate-danger support evidence-sexual police-sexual child-protection parents-sexual takedown-sexual iwf monitoring-form" },
  { "sexual", "child-on-adult", "home", "immediate-danger support evidence-sexual police-sexual child-protection parents-sexual takedown-sexual iwf monitoring-form" },
  { "sexual", "adult-on-child", "setting", "immediate-danger operations-manager support evidence-sexual police-sexual grooming child-protection lado hr parents-sexual takedown-sexual ceop iwf monitoring-form" },
  { "sexual", "adult-on-child", "home", "immediate-danger operations-manager support evidence-sexual police-sexual grooming child-protection lado hr parents-sexual takedown-sexual ceop iwf monitoring-form" },
  { "sexual", "staff-on-staff", "setting", "immediate-danger operations-manager support evidence-sexual police-sexual-adults child-protection-household lado hr takedown-sexual monitoring-form" },
  { "sexual", "staff-on-staff", "home", "immediate-danger operations-manager support evidence-sexual police-sexual-adults child-protection-household lado hr takedown-sexual monitoring-form" },
  { "sexual", "public-on-staff", "setting", "immediate-danger support evidence-sexual police-sexual-adults child-protection-household takedown-sexual monitoring-form" },
  { "sexual", "public-on-staff", "home", "immediate-danger support evidence-sexual police-sexual-adults child-protection-household takedown-sexual monitoring-form" },

  { "personal-information", "child-on-child", "setting", "immediate-danger support evidence-setting parents takedown monitoring-form" },
  { "personal-information", "child-on-child", "home", "immediate-danger support evidence-home parents takedown monitoring-form" },
  { "personal-information", "child-on-adult", "setting", "immediate-danger support evidence-setting parents takedown monitoring-form" },
  { "personal-information", "child-on-adult", "home", "immediate-danger support evidence-home parents takedown monitoring-form" },
  { "personal-information", "adult-on-child", "setting", "immediate-danger operations-manager support evidence-setting lado hr parents takedown monitoring-form" },
  { "personal-information", "adult-on-child", "home", "immediate-danger operations-manager support evidence-home lado hr parents takedown monitoring-form" },
  { "personal-information", "staff-on-staff", "setting", "immediate-danger operations-manager support evidence-setting lado hr takedown monitoring-form" },
  { "personal-information", "staff-on-staff", "home", "immediate-danger operations-manager support evidence-home lado hr takedown monitoring-form" },
  { "personal-information", "public-on-staff", "setting", "immediate-danger support evidence-setting police-malicious takedown monitoring-form" },
  { "personal-information", "public-on-staff", "home", "immediate-danger support evidence-home police-malicious takedown monitoring-form" },
};

static char *
steps_for (ScProcedure *procedure,
           const char  *area,
           const char  *involvement,
           const char  *location,
           int          age,
           int          works)
{
  ScSituation situation = { area, involvement, location, age, works };
  g_autoptr(GPtrArray) steps = sc_procedure_steps_for (procedure, &situation);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < steps->len; i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "", sc_procedure_step_get_id (steps->pdata[i]));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
test_default_is_valid (void)
{
  g_autoptr(ScProcedure) procedure = sc_procedure_new_default ();
  const ScProcedureContact *lado = sc_procedure_get_contact (procedure, "lado");
  const ScProcedureContact *emergency = sc_procedure_get_contact (procedure, "emergency");

  g_assert_cmpuint (sc_procedure_get_n_steps (procedure), ==, 22);
  g_assert_cmpuint (sc_procedure_get_n_contacts (procedure), ==, 15);
  /* Local numbers are left for the council to set, never guessed; the
   * national ones are filled in. */
  g_assert_nonnull (lado);
  g_assert_null (lado->number);
  g_assert_null (sc_procedure_get_contact (procedure, "operations-manager")->number);
  g_assert_cmpstr (emergency->number, ==, "999");
  g_assert_cmpstr (sc_procedure_get_contact (procedure, "police")->number, ==, "101");
  g_assert_cmpstr (sc_procedure_get_contact (procedure, "professionals-helpline")->number, ==, "0344 381 4772");
  g_assert_cmpstr (sc_procedure_get_contact (procedure, "action-fraud")->number, ==, "0300 123 2040");
  g_assert_nonnull (sc_procedure_get_contact (procedure, "ceop")->url);
  {
    g_autoptr(GPtrArray) unset = sc_procedure_unset_contacts (procedure);

    /* The police unit, the LADO, duty, the SCU, HR, the Operations
     * Manager, Channel, information governance and the e-safety lead. */
    g_assert_cmpuint (unset->len, ==, 9);
    g_assert_cmpstr (unset->pdata[0], ==, "Channel / Prevent single point of contact");
    for (guint i = 0; i < unset->len; i++)
      g_assert_true (strcmp (unset->pdata[i], "Police, emergency") != 0);
  }
  g_assert_nonnull (sc_procedure_get_contact (procedure, "iwf")->url);
  /* Paras 34-36: about a member of staff, the Operations Manager is told
   * first, before any police action, and the LADO. */
  {
    ScSituation staff = { "sexual", "staff-on-staff", NULL, 15, -1, NULL };
    ScSituation carer = { "bullying", "adult-on-child", NULL, 15, 1, NULL };
    ScSituation child = { "bullying", "child-on-child", NULL, 15, -1, NULL };
    g_autoptr(GPtrArray) for_staff = sc_procedure_steps_for (procedure, &staff);
    g_autoptr(GPtrArray) for_carer = sc_procedure_steps_for (procedure, &carer);
    g_autoptr(GPtrArray) for_child = sc_procedure_steps_for (procedure, &child);

    g_assert_cmpstr (sc_procedure_step_get_id (for_staff->pdata[1]), ==, "operations-manager");
    g_assert_cmpstr (sc_procedure_step_get_id (for_carer->pdata[1]), ==, "operations-manager");
    for (guint i = 0; i < for_child->len; i++)
      g_assert_cmpstr (sc_procedure_step_get_id (for_child->pdata[i]), !=, "operations-manager");
  }
  g_assert_nonnull (strstr (sc_procedure_get_area_warnings (procedure, "sexual")[0],
                            "Do not alert the alleged perpetrator"));
  g_assert_null (sc_procedure_get_area_warnings (procedure, "bullying")[0]);

  /* Reviewed at least once a year (seed 002 section 6). */
  g_assert_nonnull (sc_procedure_get_version (procedure));
  g_assert_cmpstr (sc_procedure_get_review_date (procedure), ==, "2027-11-25");
  g_assert_false (sc_procedure_review_is_due (procedure, "2027-11-25"));
  g_assert_true (sc_procedure_review_is_due (procedure, "2027-11-26"));
}

static void
test_tables (void)
{
  g_autoptr(ScProcedure) procedure = sc_procedure_new_default ();

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *got = steps_for (procedure, cells[i].area, cells[i].involvement,
                                        cells[i].location, 14, -1);

      g_test_message ("%s × %s × %s", cells[i].area, cells[i].involvement, cells[i].location);
      g_assert_cmpstr (got, ==, cells[i].steps);
    }
}

static void
test_conditions (void)
{
  g_autoptr(ScProcedure) procedure = sc_procedure_new_default ();
  g_autofree char *nine = steps_for (procedure, "bullying", "child-on-adult", "home", 9, -1);
  g_autofree char *ten = steps_for (procedure, "bullying", "child-on-adult", "home", 10, -1);
  g_autofree char *unknown = steps_for (procedure, "bullying", "child-on-adult", "home", -1, -1);
  g_autofree char *fifteen = steps_for (procedure, "sexual", "adult-on-child", "home", 15, -1);
  g_autofree char *seventeen = steps_for (procedure, "sexual", "adult-on-child", "home", 17, -1);
  g_autofree char *staff = steps_for (procedure, "bullying", "adult-on-child", "setting", 14, 1);
  g_autofree char *not_staff = steps_for (procedure, "bullying", "adult-on-child", "setting", 14, 0);

  /* The age of criminal responsibility is about the person who did it: the
   * police step never goes because the child who was harmed is under 10. */
  g_assert_nonnull (strstr (nine, "police-bullying"));
  g_assert_nonnull (strstr (ten, "police-bullying"));
  g_assert_nonnull (strstr (unknown, "police-bullying"));
  /* Grooming and abuse of a position of trust: any child, not only under 16. */
  g_assert_nonnull (strstr (fifteen, "grooming"));
  g_assert_nonnull (strstr (seventeen, "grooming"));
  /* An adult who works with children: the Operations Manager, the LADO and
   * HR, for certain. */
  g_assert_cmpstr (staff, ==, "immediate-danger operations-manager support evidence-setting "
                              "police-bullying lado hr parents takedown monitoring-form");
  /* Only a "no" rules them out. */
  g_assert_cmpstr (not_staff, ==, "immediate-danger support evidence-setting police-bullying "
                                  "parents takedown monitoring-form");
  {
    ScSituation known = { "bullying", "adult-on-child", "setting", 14, 1 };
    ScSituation not_said = { "bullying", "adult-on-child", "setting", 14, -1 };
    const ScProcedureStep *lado = sc_procedure_get_step (procedure, "lado");

    g_assert_null (sc_procedure_step_unknown (lado, &known));
    g_assert_cmpstr (sc_procedure_step_unknown (lado, &not_said), ==,
                     "whether the adult works with children");
  }
}

/* A grooming or sexual incident filed under another area still gets the
 * sexual steps, and never a step that asks for screenshots. */
static void
test_sexual_incident_types (void)
{
  g_autoptr(ScProcedure) procedure = sc_procedure_new_default ();
  ScSituation grooming = { "bullying", "adult-on-child", "home", 14, -1, "grooming" };
  ScSituation plain = { "bullying", "adult-on-child", "home", 14, -1, "bullying" };
  g_autoptr(GPtrArray) steps = sc_procedure_steps_for (procedure, &grooming);
  g_autoptr(GPtrArray) plain_steps = sc_procedure_steps_for (procedure, &plain);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) plain_ids = g_ptr_array_new ();
  const char *const sexual_steps[] = {
    "evidence-sexual", "police-sexual", "grooming", "child-protection", "lado", "ceop", "iwf",
  };

  for (guint i = 0; i < steps->len; i++)
    g_ptr_array_add (ids, (gpointer) sc_procedure_step_get_id (steps->pdata[i]));
  g_ptr_array_add (ids, NULL);
  for (guint i = 0; i < plain_steps->len; i++)
    g_ptr_array_add (plain_ids, (gpointer) sc_procedure_step_get_id (plain_steps->pdata[i]));
  g_ptr_array_add (plain_ids, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sexual_steps); i++)
    if (!g_strv_contains ((const char *const *) ids->pdata, sexual_steps[i]))
      g_error ("a grooming incident filed as bullying has no %s step", sexual_steps[i]);
  g_assert_false (g_strv_contains ((const char *const *) ids->pdata, "evidence-home"));
  g_assert_false (g_strv_contains ((const char *const *) ids->pdata, "evidence-setting"));
  /* Bullying alone asks the family for screenshots, as before. */
  g_assert_true (g_strv_contains ((const char *const *) plain_ids->pdata, "evidence-home"));
  g_assert_false (g_strv_contains ((const char *const *) plain_ids->pdata, "evidence-sexual"));
}

/* An unknown answer keeps every step that could apply, and says which
 * answer would confirm it: a sexual concern saved without "who is
 * involved" still shows the police, child protection, CEOP, IWF and LADO. */
static void
test_unknown_answers_keep_steps (void)
{
  g_autoptr(ScProcedure) procedure = sc_procedure_new_default ();
  ScSituation situation = { "sexual", "", "home", 14, -1 };
  g_autoptr(GPtrArray) steps = sc_procedure_steps_for (procedure, &situation);
  const char *const expected[] = {
    "operations-manager", "police-sexual", "police-sexual-adults", "grooming", "child-protection",
    "child-protection-household", "lado", "hr", "ceop", "iwf",
  };
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < steps->len; i++)
    g_ptr_array_add (ids, (gpointer) sc_procedure_step_get_id (steps->pdata[i]));
  g_ptr_array_add (ids, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const ScProcedureStep *step = sc_procedure_get_step (procedure, expected[i]);

      if (!g_strv_contains ((const char *const *) ids->pdata, expected[i]))
        g_error ("%s vanished when who is involved was not known", expected[i]);
      g_assert_cmpstr (sc_procedure_step_unknown (step, &situation), ==, "who is involved");
    }
  /* Steps every sexual concern has are certain. */
  g_assert_null (sc_procedure_step_unknown (sc_procedure_get_step (procedure, "evidence-sexual"),
                                            &situation));

  /* Before anything is chosen, nothing is hidden. */
  {
    ScSituation nothing = { NULL, NULL, NULL, -1, -1 };
    g_autoptr(GPtrArray) all = sc_procedure_steps_for (procedure, &nothing);

    g_assert_cmpuint (all->len, ==, sc_procedure_get_n_steps (procedure));
  }
}

static GDateTime *
local_at (int year, int month, int day, int hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  return g_date_time_new (tz, year, month, day, hour, 0, 0);
}

static void
assert_due (ScProcedure *procedure,
            const char  *step_id,
            GDateTime   *from,
            GDateTime   *expected)
{
  const ScProcedureStep *step = sc_procedure_get_step (procedure, step_id);
  g_autoptr(GDateTime) due = sc_procedure_due (procedure, step, from);
  g_autofree char *got = g_date_time_format_iso8601 (due);
  g_autofree char *want = g_date_time_format_iso8601 (expected);

  if (g_date_time_compare (due, expected) != 0)
    g_error ("%s is due %s, not %s", step_id, got, want);
}

static GDateTime *
london_at (int year,
           int month,
           int day,
           int hour)
{
  return g_date_time_new (sc_time_zone_london (), year, month, day, hour, 0, 0);
}

/* Bank holidays by rule, for any year: the published dates of 2026 and
 * 2027 exactly, eight a year to 2035, Easter by the computus, and the
 * substitute days. */
static void
test_bank_holidays_by_rule (void)
{
  static const struct { int year; const char *dates; } published[] = {
    { 2026, "2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28" },
    { 2027, "2027-01-01 2027-03-26 2027-03-29 2027-05-03 2027-05-31 2027-08-30 2027-12-27 2027-12-28" },
    /* New Year's Day on a Saturday; Easter in April; Christmas on a Monday. */
    { 2028, "2028-01-03 2028-04-14 2028-04-17 2028-05-01 2028-05-29 2028-08-28 2028-12-25 2028-12-26" },
    /* Christmas on a Saturday again. */
    { 2032, "2032-01-01 2032-03-26 2032-03-29 2032-05-03 2032-05-31 2032-08-30 2032-12-27 2032-12-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (published); i++)
    {
      g_autoptr(GString) found = g_string_new (NULL);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) published[i].year);
      while (g_date_get_year (&date) == (GDateYear) published[i].year)
        {
          if (sc_date_is_bank_holiday (&date))
            {
              g_autofree char *text = sc_date_to_storage (&date);

              g_string_append_printf (found, "%s%s", found->len > 0 ? " " : "", text);
            }
          g_date_add_days (&date, 1);
        }
      g_assert_cmpstr (found->str, ==, published[i].dates);
    }
  for (int year = 2026; year <= 2035; year++)
    {
      guint n = 0;
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, G_DATE_JANUARY, (GDateYear) year);
      for (; g_date_get_year (&date) == (GDateYear) year; g_date_add_days (&date, 1))
        if (sc_date_is_bank_holiday (&date))
          {
            n++;
            g_assert_cmpint (g_date_get_weekday (&date), <=, G_DATE_FRIDAY);
          }
      g_assert_cmpuint (n, ==, 8);
    }
}

/* The LADO's working day on London's clock: across the change to summer
 * time the hour on the clock is kept; over Easter and Christmas the bank
 * holidays are skipped; a council's file adds a day (a coronation) and
 * takes one away (a May Monday moved). */
static void
test_working_days_on_londons_clock (void)
{
  g_autoptr(ScProcedure) procedure = sc_procedure_new_default ();
  g_autoptr(GDateTime) before_change = london_at (2026, 3, 27, 15);
  g_autoptr(GDateTime) after_change = london_at (2026, 3, 30, 15);
  g_autoptr(GDateTime) maundy_thursday = london_at (2026, 4, 2, 10);
  g_autoptr(GDateTime) after_easter = london_at (2026, 4, 7, 10);
  g_autoptr(GDateTime) christmas_eve_2027 = london_at (2027, 12, 24, 16);
  g_autoptr(GDateTime) after_christmas_2027 = london_at (2027, 12, 29, 16);

  assert_due (procedure, "lado", before_change, after_change);
  {
    g_autoptr(GDateTime) due = sc_procedure_due (procedure, sc_procedure_get_step (procedure, "lado"),
                                                 before_change);
    g_autofree char *text = g_date_time_format (due, "%Y-%m-%dT%H:%M%:z");

    /* 3 pm British Summer Time, which is 2 pm in UTC. */
    g_assert_cmpstr (text, ==, "2026-03-30T15:00+01:00");
  }
  /* From the small hours of the Friday before the clocks go forward:
   * Monday at the same time on the clock, not an hour later. */
  {
    g_autoptr(GDateTime) small_hours = london_at (2026, 3, 27, 1);
    g_autoptr(GDateTime) monday = london_at (2026, 3, 30, 1);

    assert_due (procedure, "lado", small_hours, monday);
  }
  assert_due (procedure, "lado", maundy_thursday, after_easter);
  assert_due (procedure, "lado", christmas_eve_2027, after_christmas_2027);

  {
    const char *json =
      "{\"format\": 1, \"name\": \"x\", \"contacts\": {},"
      " \"bank_holidays\": [\"2026-06-08\"], \"not_bank_holidays\": [\"2026-05-04\"],"
      " \"steps\": [{\"id\": \"l\", \"kind\": \"lado\", \"title\": \"t\", \"guidance\": \"g\"}, "
      REQUIRED_STEPS "]}";
    g_autoptr(GError) error = NULL;
    g_autoptr(ScProcedure) council = sc_procedure_new_from_data (json, strlen (json), NULL, &error);
    g_autoptr(GDateTime) may_monday = london_at (2026, 5, 4, 12);
    g_autoptr(GDateTime) coronation = london_at (2026, 6, 8, 12);

    g_assert_no_error (error);
    g_assert_true (sc_procedure_is_working_day (council, may_monday));
    g_assert_false (sc_procedure_is_working_day (council, coronation));
    g_assert_false (sc_procedure_is_working_day (procedure, may_monday));
    g_assert_true (sc_procedure_is_working_day (procedure, coronation));
  }
}

static void
test_working_day_deadlines (void)
{
  g_autoptr(ScProcedure) procedure = sc_procedure_new_default ();
  g_autoptr(GDateTime) friday = local_at (2026, 11, 20, 15);
  g_autoptr(GDateTime) monday = local_at (2026, 11, 23, 15);
  g_autoptr(GDateTime) saturday = local_at (2026, 11, 21, 10);
  g_autoptr(GDateTime) monday_am = local_at (2026, 11, 23, 10);
  g_autoptr(GDateTime) christmas_eve = local_at (2026, 12, 24, 12);
  g_autoptr(GDateTime) after_holidays = local_at (2026, 12, 29, 12);
  g_autoptr(GDateTime) tuesday = local_at (2026, 11, 24, 9);
  g_autoptr(GDateTime) wednesday = local_at (2026, 11, 25, 9);
  g_autoptr(GDateTime) thursday = local_at (2026, 11, 26, 9);
  const ScProcedureStep *support = sc_procedure_get_step (procedure, "support");

  /* LADO within one working day: over a weekend, and over Christmas and the
   * substitute Boxing Day bank holiday. */
  assert_due (procedure, "lado", friday, monday);
  assert_due (procedure, "lado", saturday, monday_am);
  assert_due (procedure, "lado", christmas_eve, after_holidays);
  assert_due (procedure, "lado", tuesday, wednesday);
  /* No seed gives a provider a deadline: no Overdue flag nobody asked for
   * (a council may add one in its own file). */
  g_assert_null (sc_procedure_due (procedure, sc_procedure_get_step (procedure, "takedown"),
                                   tuesday));
  g_assert_null (sc_procedure_due (procedure, support, tuesday));
  /* Hours run through weekends, where a council's file gives them. */
  {
    const char *json =
      "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": ["
      "{\"id\": \"t\", \"kind\": \"provider-takedown\", \"title\": \"t\", \"guidance\": \"g\","
      " \"deadline\": {\"hours\": 48}}, {\"id\": \"l\", \"kind\": \"lado\", \"title\": \"t\","
      " \"guidance\": \"g\"}, " REQUIRED_STEPS "]}";
    g_autoptr(ScProcedure) council = sc_procedure_new_from_data (json, strlen (json), NULL, NULL);

    g_assert_nonnull (council);
    assert_due (council, "t", tuesday, thursday);
  }
  g_assert_false (sc_procedure_is_working_day (procedure, saturday));
  g_assert_true (sc_procedure_is_working_day (procedure, christmas_eve));
}

/* The administrator's test of a file: the same steps as the window's, in
 * order, with the due time in London and whether each may apply; hostile
 * scenarios refused before parsing. */
static void
test_explain_response (void)
{
  g_autoptr(ScProcedure) procedure = sc_procedure_new_default ();
  const char *scenario = "{\"area\": \"sexual\", \"incident_type\": \"grooming\", "
                         "\"involvement\": \"adult-on-child\", \"child_age\": 14, "
                         "\"adult_works_with_children\": \"yes\", "
                         "\"discovered_at\": \"2026-11-20T15:00:00+00:00\"}";
  ScSituation situation = { "sexual", "adult-on-child", NULL, 14, 1, "grooming" };
  g_autoptr(GPtrArray) steps = sc_procedure_steps_for (procedure, &situation);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (sc_explain_response (procedure, scenario, strlen (scenario), out, &error));
  g_assert_no_error (error);
  lines = g_strsplit (out->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, steps->len + 1);
  for (guint i = 0; i < steps->len; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, 4);
      g_assert_cmpstr (fields[0], ==, sc_procedure_step_get_id (steps->pdata[i]));
      g_assert_cmpstr (fields[3], ==, "applies");
      if (g_str_equal (fields[0], "lado"))
        g_assert_cmpstr (fields[2], ==, "2026-11-23T15:00:00+00:00");
    }

  {
    static const struct { const char *scenario; const char *said; } refused[] = {
      { "[]", "a scenario is a JSON object" },
      { "{\"involvement\": \"adult-on-child\"}", "needs its \"area\"" },
      { "{\"area\": \"sexual\", \"child_age\": \"14\"}", "whole number" },
      { "{\"area\": \"sexual\", \"incident_type\": [\"grooming,sexual\"]}", "not one of" },
      { "{\"area\": \"sexual\" /* \" */}", "plain JSON" },
      { "{\"area\": \"\xff\"}", "not UTF-8" },
      { "{\"area\": \"sexual\", \"discovered_at\": \"9999-12-31T23:00:00+00:00\"}", "between 1900" },
      { "{\"area\": \"cyber\", \"area\": \"sexual\"}", "given twice" },
      { "{\"area\": \"sexual\"} {\"area\": \"bullying\"}", "one JSON object" },
      { "{\"area\": \"sexual\", \"discovered_at\": \"0001-01-01T00:00:00+00:00\"}", "between 1900" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(GError) refusal = NULL;

        g_assert_false (sc_explain_response (procedure, refused[i].scenario, strlen (refused[i].scenario),
                                             out, &refusal));
        g_assert_error (refusal, SC_EXPLAIN_ERROR, 0);
        if (strstr (refusal->message, refused[i].said) == NULL)
          g_error ("“%s” said “%s”, not “%s”", refused[i].scenario, refusal->message, refused[i].said);
      }
  }
  {
    g_autofree char *deep = g_strnfill (60000, '[');
    g_autoptr(GError) refusal = NULL;

    g_assert_false (sc_explain_response (procedure, deep, strlen (deep), out, &refusal));
    g_assert_nonnull (strstr (refusal->message, "nested more than 64 levels"));
  }
}

/* Ways to get a council's file wrong, each refused with its reason. */
static const struct
{
  const char *json;
  const char *problem;
} broken[] = {
  { "{\"format\": 1, \"name\": \"x\"", "Parse error" },
  { "[1, 2, 3]", "must be a JSON object" },
  { "{\"format\": 2, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\"}]}", "\"format\" must be 1" },
  { "{\"format\": 1, \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\"}]}", "has no \"name\"" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": []}", "at least one step" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"prayer\", \"title\": \"t\", \"guidance\": \"g\"}]}", "unknown kind \"prayer\"" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"lado\", \"title\": \"t\", \"guidance\": \"g\", \"contacts\": [\"lado\"]}]}", "no contact \"lado\"" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\"}, {\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\"}]}", "used twice" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\", \"after\": [\"b\"]}, {\"id\": \"b\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\", \"after\": [\"a\"]}]}", "cycle" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\", \"after\": [\"zz\"]}]}", "names no step \"zz\"" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": 7, \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\"}]}", "\"id\" must be a text" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\"}]}", "has no \"guidance\"" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\", \"when\": {\"area\": [\"gossip\"]}}]}", "\"gossip\" is not a known area" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\", \"when\": {\"min_child_age\": \"ten\"}}]}", "must be a whole number" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\", \"when\": {\"colour\": [\"red\"]}}]}", "unknown member \"colour\"" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\", \"deadline\": {}}]}", "needs \"hours\" or \"working_days\"" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\", \"deadline\": {\"hours\": -4}}]}", "must be from 1" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {\"lado\": {\"number\": \"1\"}}, \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\"}]}", "contact \"lado\" has no \"name\"" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"bank_holidays\": [\"25/12/2026\"], \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\"}]}", "not a YYYY-MM-DD date" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\", \"when\": \"always\"}]}", "\"when\" must be an object" },
  { "{\"format\": 1, \"name\": \"x\", \"review_date\": \"next year\", \"contacts\": {}, \"steps\": [" REQUIRED_STEPS "]}", "\"review_date\" \"next year\" is not a YYYY-MM-DD date" },
  /* The LADO, the police and the monitoring form cannot be deleted. */
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [" REQUIRED_STEPS "]}", "no step of kind \"lado\"" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"l\", \"kind\": \"lado\", \"title\": \"t\", \"guidance\": \"g\"}, {\"id\": \"m\", \"kind\": \"monitoring-form\", \"title\": \"t\", \"guidance\": \"g\"}]}", "no step of kind \"police\"" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {}, \"steps\": [{\"id\": \"l\", \"kind\": \"lado\", \"title\": \"t\", \"guidance\": \"g\"}, {\"id\": \"p\", \"kind\": \"police\", \"title\": \"t\", \"guidance\": \"g\"}]}", "no step of kind \"monitoring-form\"" },
  { "{\"format\": 1, \"name\": \"x\", \"contacts\": {\"lado\": {\"name\": \"LADO\", \"number\": \"call Jo\"}}, \"steps\": [" REQUIRED_STEPS "]}", "\"call Jo\" is not a phone number" },
};

static void
test_broken_files (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "procedure.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProcedure) procedure = NULL;
      g_autofree char *all = NULL;

      g_assert_true (g_file_set_contents (path, broken[i].json, -1, NULL));
      procedure = sc_procedure_new_from_file (path, &problems, &error);
      g_assert_null (procedure);
      g_assert_error (error, SC_PROCEDURE_ERROR, SC_PROCEDURE_ERROR_INVALID);
      g_assert_nonnull (problems);
      g_ptr_array_add (problems, NULL);
      all = g_strjoinv ("\n", (char **) problems->pdata);
      g_test_message ("file %u: %s", i, all);
      if (strstr (all, broken[i].problem) == NULL)
        g_error ("file %u: expected “%s” in:\n%s", i, broken[i].problem, all);
    }
}

static void
test_problem_lines (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "lines.json", NULL);
  const char *json =
    "{\n"
    "  \"format\": 1,\n"
    "  \"name\": \"Council\",\n"
    "  \"contacts\": {},\n"
    "  \"steps\": [\n"
    "    { \"id\": \"a\", \"kind\": \"support\", \"title\": \"t\", \"guidance\": \"g\" },\n"
    "    {\n"
    "      \"id\": \"b\", \"kind\": \"wrong\", \"title\": \"t\", \"guidance\": \"g\"\n"
    "    }, {\"id\": \"l\", \"kind\": \"lado\", \"title\": \"t\", \"guidance\": \"g\"}, " REQUIRED_STEPS "\n"
    "  ]\n"
    "}\n";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ScProcedure) procedure = NULL;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  procedure = sc_procedure_new_from_file (path, &problems, NULL);
  g_assert_null (procedure);
  g_assert_cmpuint (problems->len, ==, 1);
  /* The line of the offending value, not of the step around it. */
  g_assert_cmpstr (problems->pdata[0], ==, "8: step \"b\": unknown kind \"wrong\"");
}

/* Top-level members and the items of lists are named by their own line,
 * not by the line of the object that holds them. */
static void
test_problem_lines_of_values (void)
{
  const char *json =
    "{\n"                                                       /* 1 */
    "  \"format\": 1,\n"                                        /* 2 */
    "  \"name\": \"Council\",\n"                                /* 3 */
    "  \"bank_holidays\": [\n"                                  /* 4 */
    "    \"2026-12-25\",\n"                                     /* 5 */
    "    \"Boxing Day\"\n"                                      /* 6 */
    "  ],\n"                                                    /* 7 */
    "  \"colour\": \"blue\",\n"                                 /* 8 */
    "  \"contacts\": {},\n"                                     /* 9 */
    "  \"steps\": [\n"                                          /* 10 */
    "    { \"id\": \"a\", \"kind\": \"support\", \"title\": \"t\",\n" /* 11 */
    "      \"guidance\": \"g\",\n"                              /* 12 */
    "      \"when\": { \"area\": [\"sexual\",\n"                 /* 13 */
    "                         \"gardening\"] } }\n"              /* 14 */
    "  ]\n"                                                     /* 15 */
    "}\n";
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(ScProcedure) procedure = NULL;
  g_autofree char *all = NULL;

  procedure = sc_procedure_new_from_data (json, strlen (json), &problems, NULL);
  g_assert_null (procedure);
  g_ptr_array_add (problems, NULL);
  all = g_strjoinv ("\n", (char **) problems->pdata);
  g_test_message ("%s", all);
  g_assert_nonnull (strstr (all, "6: bank_holidays: \"Boxing Day\" is not a YYYY-MM-DD date"));
  g_assert_nonnull (strstr (all, "8: the procedure: unknown member \"colour\""));
  g_assert_nonnull (strstr (all, "14: step \"a\": \"gardening\" is not a known area"));
}

/* A council's file is read at every start: nothing in it may crash the app
 * or keep it busy. These are built here, not kept as files. */
static void
test_hostile_nesting (void)
{
  const guint depths[] = { 65, 1000, 100000 };

  for (guint i = 0; i < G_N_ELEMENTS (depths); i++)
    {
      g_autoptr(GString) json = g_string_new ("{\"format\": 1, \"x\":\n");
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ScProcedure) procedure = NULL;

      /* Brackets inside a string are text, not nesting. */
      g_string_append (json, "\"[[[[{{{{\\\"[[[[\", ");
      for (guint d = 1; d < depths[i]; d++)
        g_string_append_c (json, d % 2 ? '[' : '{');
      procedure = sc_procedure_new_from_data (json->str, json->len, &problems, &error);
      g_assert_null (procedure);
      g_assert_error (error, SC_PROCEDURE_ERROR, SC_PROCEDURE_ERROR_INVALID);
      g_assert_cmpstr (problems->pdata[0], ==,
                       "2: the file is nested more than 64 levels deep; a procedure needs only a few");
    }

  /* A '"' in a comment or a single-quoted text must not hide the nesting
   * after it (json-glib reads both): refused before parsing. */
  {
    const char *const openings[] = { "/* \" */", "// \"\n", "{'x\"': " };

    for (guint i = 0; i < G_N_ELEMENTS (openings); i++)
      {
        g_autoptr(GString) json = g_string_new (openings[i]);
        g_autoptr(GPtrArray) problems = NULL;
        g_autoptr(ScProcedure) procedure = NULL;

        for (guint d = 0; d < 100000; d++)
          g_string_append_c (json, '[');
        for (guint d = 0; d < 100000; d++)
          g_string_append_c (json, ']');
        procedure = sc_procedure_new_from_data (json->str, json->len, &problems, NULL);
        g_assert_null (procedure);
        g_assert_nonnull (strstr (problems->pdata[0], "plain JSON"));
      }
  }

  /* 64 levels are allowed: the file is read, and refused for what it says. */
  {
    g_autoptr(GString) json = g_string_new ("{\"format\": 1, \"x\": ");
    g_autoptr(GPtrArray) problems = NULL;
    g_autoptr(ScProcedure) procedure = NULL;

    for (guint d = 1; d < 64; d++)
      g_string_append_c (json, '[');
    for (guint d = 1; d < 64; d++)
      g_string_append_c (json, ']');
    g_string_append_c (json, '}');
    procedure = sc_procedure_new_from_data (json->str, json->len, &problems, NULL);
    g_assert_null (procedure);
    g_assert_null (strstr (problems->pdata[0], "nested"));
  }
}

static void
test_hostile_size (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "huge.json", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProcedure) procedure = NULL;
  g_autofree char *big = NULL;
  int fd;

  /* 50 MB, sparse on disk: only its first MiB and a byte are ever read. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "{\"format\": 1,", 13), ==, 13);
  g_assert_cmpint (ftruncate (fd, 50 * 1000 * 1000), ==, 0);
  close (fd);

  procedure = sc_procedure_new_from_file (path, &problems, &error);
  g_assert_null (procedure);
  g_assert_error (error, SC_PROCEDURE_ERROR, SC_PROCEDURE_ERROR_INVALID);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (problems->pdata[0], ==, "the file is 50.0\xc2\xa0MB; a procedure file is at most 1 MiB");
  {
    g_autofree char *line = sc_procedure_format_problem (path, problems->pdata[0]);
    g_autofree char *expected = g_strdup_printf ("%s: the file is 50.0\xc2\xa0MB; a procedure file is at "
                                                 "most 1 MiB", path);

    g_assert_cmpstr (line, ==, expected);
  }
  g_unlink (path);

  /* The same limit for text already in memory. */
  big = g_malloc0 (1024 * 1024 + 2);
  memset (big, ' ', 1024 * 1024 + 1);
  g_clear_pointer (&problems, g_ptr_array_unref);
  g_clear_error (&error);
  procedure = sc_procedure_new_from_data (big, 1024 * 1024 + 1, &problems, &error);
  g_assert_null (procedure);
  g_assert_nonnull (strstr (problems->pdata[0], "at most 1 MiB"));

  /* Not a file at all: refused, not read for ever. */
  g_clear_error (&error);
  procedure = sc_procedure_new_from_file ("/dev/zero", NULL, &error);
  g_assert_null (procedure);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL);

  /* A missing file has no line to name. */
  g_clear_error (&error);
  procedure = sc_procedure_new_from_file ("/nonexistent/procedure.json", NULL, &error);
  g_assert_null (procedure);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_ascii_isdigit (error->message[0]));
}

/* Windows editors write a byte-order mark; the file is still the same. */
static void
test_byte_order_mark (void)
{
  g_autoptr(GBytes) builtin = g_resources_lookup_data ("/io/github/safecase/Safecase/core/procedure.json",
                                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GByteArray) with_bom = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProcedure) procedure = NULL;

  g_byte_array_append (with_bom, (const guint8 *) "\xEF\xBB\xBF", 3);
  g_byte_array_append (with_bom, g_bytes_get_data (builtin, NULL), g_bytes_get_size (builtin));
  procedure = sc_procedure_new_from_data ((const char *) with_bom->data, with_bom->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sc_procedure_get_n_steps (procedure), ==, 22);
}

static void
test_council_file_wins (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "safecase", NULL);
  g_autofree char *path = g_build_filename (dir, "procedure.json", NULL);
  g_autofree char *source = NULL;
  g_autoptr(GError) council_error = NULL;
  g_autoptr(ScProcedure) builtin = NULL;
  g_autoptr(ScProcedure) council = NULL;
  g_autoptr(ScProcedure) fallback = NULL;

  /* No council file: the built-in one. */
  builtin = sc_procedure_new_for_user (&source, NULL, &council_error);
  g_assert_no_error (council_error);
  g_assert_null (source);
  g_assert_cmpuint (sc_procedure_get_n_steps (builtin), ==, 22);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path,
                                      "{\"format\": 1, \"name\": \"Northshire\", \"contacts\":"
                                      " {\"lado\": {\"name\": \"LADO\", \"number\": \"01632 960000\"}},"
                                      " \"steps\": [{\"id\": \"lado\", \"kind\": \"lado\", \"title\": \"t\","
                                      " \"guidance\": \"g\", \"contacts\": [\"lado\"]}," REQUIRED_STEPS "]}",
                                      -1, NULL));
  council = sc_procedure_new_for_user (&source, NULL, &council_error);
  g_assert_no_error (council_error);
  g_assert_cmpstr (source, ==, path);
  g_assert_cmpstr (sc_procedure_get_name (council), ==, "Northshire");
  g_assert_cmpstr (sc_procedure_get_contact (council, "lado")->number, ==, "01632 960000");

  /* A broken council file: refused whole, the built-in one used, and why. */
  g_clear_pointer (&source, g_free);
  g_assert_true (g_file_set_contents (path, "{\"format\": 1,\n\"name\": 3}", -1, NULL));
  fallback = sc_procedure_new_for_user (&source, NULL, &council_error);
  g_assert_null (source);
  g_assert_cmpuint (sc_procedure_get_n_steps (fallback), ==, 22);
  g_assert_error (council_error, SC_PROCEDURE_ERROR, SC_PROCEDURE_ERROR_INVALID);
  g_assert_nonnull (strstr (council_error->message, path));
}

static void
write_council_file (const char *path,
                    const char *name)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *json = g_strdup_printf (
    "{\"format\": 1, \"name\": \"%s\", \"contacts\": {},"
    " \"steps\": [{\"id\": \"a\", \"kind\": \"lado\", \"title\": \"t\", \"guidance\": \"g\"},"
    REQUIRED_STEPS "]}",
    name);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, json, -1, NULL));
}

/* The administrator's file wins over the worker's own: a worker cannot
 * replace the council's procedure. */
static void
test_administrator_file_wins (void)
{
  g_autofree char *admin = g_build_filename (g_get_user_data_dir (), "etc", "safecase", "procedure.json",
                                             NULL);
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "user", "safecase", "procedure.json",
                                            NULL);
  g_autofree char *source = NULL;
  g_autofree char *notice = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(ScProcedure) procedure = NULL;

  write_council_file (admin, "Council");
  write_council_file (user, "Mine");
  procedure = sc_procedure_new_for_user_from (admin, user, &source, &notice, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sc_procedure_get_name (procedure), ==, "Council");
  g_assert_cmpstr (source, ==, admin);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, user));

  /* A broken administrator's file: the built-in procedure, not the worker's. */
  g_clear_pointer (&procedure, sc_procedure_unref);
  g_clear_pointer (&source, g_free);
  g_clear_pointer (&notice, g_free);
  g_assert_true (g_file_set_contents (admin, "[[[", -1, NULL));
  procedure = sc_procedure_new_for_user_from (admin, user, &source, &notice, &error);
  g_assert_error (error, SC_PROCEDURE_ERROR, SC_PROCEDURE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, admin));
  g_assert_null (source);
  g_assert_cmpuint (sc_procedure_get_n_steps (procedure), ==, 22);

  /* The worker's own file counts where there is none from the administrator. */
  g_clear_pointer (&procedure, sc_procedure_unref);
  g_clear_pointer (&notice, g_free);
  g_clear_error (&error);
  g_unlink (admin);
  procedure = sc_procedure_new_for_user_from (admin, user, &source, &notice, &error);
  g_assert_no_error (error);
  g_assert_null (notice);
  g_assert_cmpstr (source, ==, user);
  g_assert_cmpstr (sc_procedure_get_name (procedure), ==, "Mine");
}

int
main (int   argc,
      char *argv[])
{
  /* Deadlines are in local time: make it a British one. */
  g_setenv ("TZ", "Europe/London", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/procedure/default/is-valid", test_default_is_valid);
  g_test_add_func ("/procedure/engine/tables-1-to-3", test_tables);
  g_test_add_func ("/procedure/engine/age-and-staff-conditions", test_conditions);
  g_test_add_func ("/procedure/engine/unknown-answers-keep-steps", test_unknown_answers_keep_steps);
  g_test_add_func ("/procedure/engine/sexual-incident-types", test_sexual_incident_types);
  g_test_add_func ("/procedure/deadlines/working-days", test_working_day_deadlines);
  g_test_add_func ("/procedure/deadlines/bank-holidays-by-rule", test_bank_holidays_by_rule);
  g_test_add_func ("/procedure/deadlines/londons-clock", test_working_days_on_londons_clock);
  g_test_add_func ("/procedure/explain-response", test_explain_response);
  g_test_add_func ("/procedure/loader/broken-files", test_broken_files);
  g_test_add_func ("/procedure/loader/problem-lines", test_problem_lines);
  g_test_add_func ("/procedure/loader/council-file-wins", test_council_file_wins);
  g_test_add_func ("/procedure/loader/administrator-file-wins", test_administrator_file_wins);
  g_test_add_func ("/procedure/loader/problem-lines-of-values", test_problem_lines_of_values);
  g_test_add_func ("/procedure/loader/hostile/nesting", test_hostile_nesting);
  g_test_add_func ("/procedure/loader/hostile/size", test_hostile_size);
  g_test_add_func ("/procedure/loader/byte-order-mark", test_byte_order_mark);

  return g_test_run ();
}
