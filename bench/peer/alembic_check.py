"""alembic check for Alembic releases that lack it (before 1.9).

Runs what Alembic 1.9's `alembic check` runs: env.py in autogenerate mode,
then reports the upgrade operations found. Exit 0 when there are none, 1
when there are (printing them), 2 on error. With an Alembic that has
`check`, the bench calls `alembic check` instead.

Usage: python3 alembic_check.py -c alembic.ini
"""
import argparse
import sys

from alembic import autogenerate
from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", default="alembic.ini")
    args = parser.parse_args()

    config = Config(args.config)
    script = ScriptDirectory.from_config(config)
    revision_context = autogenerate.RevisionContext(
        config,
        script,
        dict(
            message=None,
            autogenerate=True,
            sql=False,
            head="head",
            splice=False,
            branch_label=None,
            version_path=None,
            rev_id=None,
            depends_on=None,
        ),
    )

    def retrieve_migrations(rev, context):
        revision_context.run_autogenerate(rev, context)
        return []

    with EnvironmentContext(
        config,
        script,
        fn=retrieve_migrations,
        as_sql=False,
        template_args=revision_context.template_args,
        revision_context=revision_context,
    ):
        script.run_env()

    # env.py's process_revision_directives empties the list when there is
    # nothing to do.
    generated = revision_context.generated_revisions
    diffs = generated[-1].upgrade_ops.as_diffs() if generated else []
    if diffs:
        print("New upgrade operations detected: %r" % (diffs,))
        return 1
    print("No new upgrade operations detected.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
