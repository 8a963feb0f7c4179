-- A workspace of format 2, as Palier 0.1.0 wrote it before format 3:
-- palier-cli import of january.csv then march.csv, dumped with sqlite3's
-- .dump, plus the two header fields that .dump leaves out.
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (  key TEXT PRIMARY KEY,  value TEXT NOT NULL);
INSERT INTO meta VALUES('created-by','Palier 0.1.0');
CREATE TABLE imports (  id INTEGER PRIMARY KEY,  file TEXT NOT NULL,  time INTEGER NOT NULL,  rows INTEGER NOT NULL DEFAULT 0,  first_date INTEGER,  last_date INTEGER,  amount INTEGER NOT NULL DEFAULT 0);
INSERT INTO imports VALUES(1,'january.csv',1796419531,3,20170110,20170205,270375000);
INSERT INTO imports VALUES(2,'march.csv',1796419531,2,20170210,20170301,115250000);
CREATE TABLE partners (  id INTEGER PRIMARY KEY,  code TEXT NOT NULL UNIQUE,  name TEXT,  segment TEXT,  region TEXT,  start INTEGER,  segment_date INTEGER,  region_date INTEGER);
INSERT INTO partners VALUES(1,'P1',NULL,NULL,'East',NULL,NULL,20170120);
INSERT INTO partners VALUES(2,'P2',NULL,NULL,'West',NULL,NULL,20170210);
INSERT INTO partners VALUES(3,'P3',NULL,NULL,NULL,NULL,NULL,NULL);
CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE categories (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
INSERT INTO categories VALUES(1,'Furniture');
INSERT INTO categories VALUES(2,'Technology');
CREATE TABLE regions (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
INSERT INTO regions VALUES(1,'East');
INSERT INTO regions VALUES(2,'West');
CREATE TABLE transactions (  id INTEGER PRIMARY KEY,  date INTEGER NOT NULL,  partner_id INTEGER NOT NULL REFERENCES partners (id),  amount INTEGER NOT NULL,  margin INTEGER,  quantity INTEGER,  product_id INTEGER REFERENCES products (id),  category_id INTEGER REFERENCES categories (id),  region_id INTEGER REFERENCES regions (id),  deal TEXT,  import_id INTEGER NOT NULL REFERENCES imports (id));
INSERT INTO transactions VALUES(1,20170110,1,100500000,NULL,NULL,NULL,1,1,NULL,1);
INSERT INTO transactions VALUES(2,20170120,1,200000000,NULL,NULL,NULL,2,1,NULL,1);
INSERT INTO transactions VALUES(3,20170205,2,-30125000,NULL,NULL,NULL,1,2,NULL,1);
INSERT INTO transactions VALUES(4,20170210,2,40000000,NULL,NULL,NULL,1,2,NULL,2);
INSERT INTO transactions VALUES(5,20170301,3,75250000,NULL,NULL,NULL,NULL,NULL,NULL,2);
CREATE TABLE programs (  id TEXT PRIMARY KEY,  name TEXT NOT NULL,  xml TEXT NOT NULL,  updated INTEGER NOT NULL);
CREATE TABLE program_versions (  id INTEGER PRIMARY KEY,  program_id TEXT NOT NULL REFERENCES programs (id) ON DELETE CASCADE,  time INTEGER NOT NULL,  summary TEXT NOT NULL,  xml TEXT NOT NULL);
CREATE TABLE month_totals (  partner_id INTEGER NOT NULL,  month INTEGER NOT NULL,  category_id INTEGER NOT NULL,  region_id INTEGER NOT NULL,  amount INTEGER NOT NULL,  margin INTEGER NOT NULL,  quantity INTEGER NOT NULL,  lines INTEGER NOT NULL,  PRIMARY KEY (partner_id, month, category_id, region_id)) WITHOUT ROWID;
INSERT INTO month_totals VALUES(1,201701,1,1,100500000,0,0,1);
INSERT INTO month_totals VALUES(1,201701,2,1,200000000,0,0,1);
INSERT INTO month_totals VALUES(2,201702,1,2,9875000,0,0,2);
INSERT INTO month_totals VALUES(3,201703,0,0,75250000,0,0,1);
CREATE INDEX program_versions_by_program ON program_versions (program_id, id);
CREATE INDEX transactions_by_date ON transactions (date);
COMMIT;
PRAGMA application_id = 1346456658;
PRAGMA user_version = 2;
