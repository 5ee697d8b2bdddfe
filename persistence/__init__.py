"""SQLAlchemy mapping, repositories, the unit of work, migrations and database-level guards."""
