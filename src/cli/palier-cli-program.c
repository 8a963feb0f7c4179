/* palier-cli-program.c: "palier-cli program add|list|show|remove", the
 * programs stored in a workspace */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <glib/gi18n.h>

#include "palier-cli-private.h"

typedef enum {
  ACTION_ADD,
  ACTION_LIST,
  ACTION_SHOW,
  ACTION_REMOVE,
} Action;

/* An action and the arguments it takes, marked with N_() and translated
 * when shown; NULL when it takes none. */
typedef struct {
  const char *name;
  Action      action;
  const char *parameters;
} ActionInfo;

static const ActionInfo actions[] = {
  { "add", ACTION_ADD, N_("FILE.xml…") },
  { "list", ACTION_LIST, NULL },
  { "show", ACTION_SHOW, N_("ID") },
  { "remove", ACTION_REMOVE, N_("ID…") },
};

static gboolean
add_programs (PalierStore  *store,
              char        **paths,
              const char   *summary,
              GError      **error)
{
  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(PalierProgram) program = NULL;
      g_autofree char *default_summary = NULL;
      g_autofree char *basename = NULL;

      program = palier_program_read_file (paths[i], error);
      if (program == NULL)
        return FALSE;

      basename = g_path_get_basename (paths[i]);
      default_summary = g_strdup_printf (_("Added from %s."), basename);
      if (!palier_store_save_program (store, program,
                                      summary != NULL ? summary : default_summary,
                                      error))
        return FALSE;

      g_print (_("Stored program “%s” (%s) from %s.\n"), program->id, program->name, paths[i]);
    }

  return TRUE;
}

static gboolean
list_programs (PalierStore  *store,
               GError      **error)
{
  g_autoptr(GPtrArray) ids = palier_store_list_programs (store, error);

  if (ids == NULL)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(PalierProgram) program = palier_store_load_program (store, id, error);

      if (program == NULL)
        return FALSE;

      g_print ("%s\t%s\t%s\t%s\n", program->id, program->name, program->currency,
               palier_period_kind_to_string (program->period));
    }

  return TRUE;
}

static gboolean
show_program (PalierStore  *store,
              const char   *id,
              const char   *output,
              GError      **error)
{
  g_autoptr(PalierProgram) program = palier_store_load_program (store, id, error);
  g_autoptr(GString) text = NULL;
  g_autofree char *xml = NULL;
  gsize len = 0;

  if (program == NULL)
    return FALSE;

  xml = palier_program_to_xml (program, &len);
  text = g_string_new_len (xml, (gssize) len);
  return _palier_cli_write_output (output, text, error);
}

static gboolean
remove_programs (PalierStore  *store,
                 char        **ids,
                 GError      **error)
{
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (!palier_store_delete_program (store, ids[i], error))
        return FALSE;

      g_print (_("Removed program “%s”.\n"), ids[i]);
    }

  return TRUE;
}

static gboolean
run_action (const ActionInfo  *info,
            const char        *workspace,
            char             **arguments,
            const char        *summary,
            const char        *output,
            GError           **error)
{
  g_autoptr(PalierStore) store = NULL;
  guint n_arguments = g_strv_length (arguments);
  gboolean read_only = info->action == ACTION_LIST || info->action == ACTION_SHOW;

  if (workspace == NULL)
    {
      _palier_cli_set_usage_error (error, _("--workspace is required"));
      return FALSE;
    }

  if ((info->action == ACTION_LIST && n_arguments != 0)
      || (info->action == ACTION_SHOW && n_arguments != 1)
      || ((info->action == ACTION_ADD || info->action == ACTION_REMOVE) && n_arguments == 0))
    {
      _palier_cli_set_usage_error (error, _("wrong arguments; usage: palier-cli program %s --workspace FILE.palier %s"),
                                   info->name, info->parameters != NULL ? _(info->parameters) : "");
      return FALSE;
    }

  if ((summary != NULL && info->action != ACTION_ADD)
      || (output != NULL && info->action != ACTION_SHOW))
    {
      _palier_cli_set_usage_error (error, _("--summary only applies to add, and --output to show"));
      return FALSE;
    }

  store = palier_store_open (workspace,
                             info->action == ACTION_ADD ? PALIER_STORE_CREATE
                             : read_only ? PALIER_STORE_READ_ONLY
                             : PALIER_STORE_OPEN_EXISTING,
                             error);
  if (store == NULL)
    return FALSE;

  switch (info->action)
    {
    case ACTION_ADD:
      return add_programs (store, arguments, summary, error);
    case ACTION_LIST:
      return list_programs (store, error);
    case ACTION_SHOW:
      return show_program (store, arguments[0], output, error);
    case ACTION_REMOVE:
      return remove_programs (store, arguments, error);
    default:
      g_assert_not_reached ();
    }
}

static const ActionInfo *
find_action (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    if (g_strcmp0 (actions[i].name, name) == 0)
      return &actions[i];

  return NULL;
}

int
_palier_cli_program (int   argc,
                     char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *workspace = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) arguments = NULL;
  const ActionInfo *info;
  const GOptionEntry entries[] = {
    { "workspace", 'w', 0, G_OPTION_ARG_FILENAME, &workspace,
      N_("Workspace file; add creates it when missing"), N_("FILE.palier") },
    { "summary", 0, 0, G_OPTION_ARG_STRING, &summary,
      N_("With add: one sentence that describes the change, kept in the program’s history"),
      N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("With show: write the XML to FILE instead of the standard output"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &arguments, NULL, NULL },
    { NULL }
  };

  context = _palier_cli_context_new ("program",
                                     N_("(add FILE.xml… | list | show ID | remove ID…) --workspace FILE.palier"),
                                     N_("Manages the programs stored in a workspace:\n"
                                        "  add     stores program files, recording a new version of each\n"
                                        "  list    prints id, name, currency and period of each program\n"
                                        "  show    prints a stored program as XML\n"
                                        "  remove  deletes programs and their history"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!_palier_cli_parse (context, "program", &argc, &argv))
    return PALIER_CLI_EXIT_USAGE;

  if (arguments == NULL || arguments[0] == NULL)
    {
      _palier_cli_set_usage_error (&error, _("missing action: add, list, show or remove"));
      return _palier_cli_report_error ("program", error);
    }

  info = find_action (arguments[0]);
  if (info == NULL)
    {
      _palier_cli_set_usage_error (&error, _("unknown action “%s”; use add, list, show or remove"),
                                   arguments[0]);
      return _palier_cli_report_error ("program", error);
    }

  if (!run_action (info, workspace, arguments + 1, summary, output, &error))
    return _palier_cli_report_error ("program", error);

  return 0;
}
