"""SQLAlchemy's reflection of every table in public: the peer of migrate's
introspection. It reads what Alembic's autogenerate reads per table
(columns, primary key, foreign keys, indexes, unique and check
constraints) through MetaData.reflect.

Usage: BENCH_DATABASE_URL=postgres://... python3 sqla_reflect.py
"""
import os

from sqlalchemy import MetaData, create_engine, pool


def database_url():
    url = os.environ["BENCH_DATABASE_URL"]
    for scheme in ("postgres://", "postgresql://"):
        if url.startswith(scheme):
            return "postgresql+psycopg2://" + url[len(scheme):]
    return url


def main():
    engine = create_engine(database_url(), poolclass=pool.NullPool)
    metadata = MetaData()
    with engine.connect() as conn:
        metadata.reflect(bind=conn, schema="public")
    print("%d tables" % len(metadata.tables))


if __name__ == "__main__":
    main()
