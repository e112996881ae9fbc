CREATE TABLE author (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, name varchar(100) NOT NULL UNIQUE, bio text NULL);
CREATE TABLE book (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, title varchar(200) NOT NULL, author_id integer NOT NULL REFERENCES author (id), editor_id integer NULL REFERENCES author (id), price decimal(6, 2) NULL, published_date date NULL, isbn varchar(13) NOT NULL, in_print bool NOT NULL, UNIQUE (author_id, title));
CREATE INDEX book_isbn_idx ON book (isbn);
CREATE TABLE tag (code varchar(20) NOT NULL PRIMARY KEY, label varchar(50) NOT NULL);
CREATE TABLE passport (id integer NOT NULL PRIMARY KEY AUTOINCREMENT, number varchar(20) NOT NULL, holder_id integer NOT NULL UNIQUE REFERENCES author (id));
