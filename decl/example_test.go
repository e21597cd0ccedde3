package decl_test

import (
	"fmt"

	"github.com/migrate-tool/migrate/decl"
)

func Example() {
	s, err := decl.Build(
		decl.Table("users",
			decl.Column("id", decl.BigInt).Identity().PrimaryKey(),
			decl.Column("email", "varchar(255)").NotNull().Unique(),
		),
		decl.Table("posts",
			decl.Column("id", "serial").PrimaryKey(),
			decl.Column("author_id", "int8").NotNull().References("users").Index(),
		),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			fmt.Printf("%s.%s %s default=%q\n", t.Name, c.Name, c.Type, c.Default)
		}
		for _, k := range t.Constraints {
			fmt.Printf("  %s: %s\n", k.Name, k.Definition)
		}
		for _, ix := range t.Indexes {
			fmt.Printf("  %s\n", ix.Definition)
		}
	}
	// Output:
	// posts.id integer default="nextval('public.posts_id_seq'::regclass)"
	// posts.author_id bigint default=""
	//   posts_author_id_fkey: FOREIGN KEY (author_id) REFERENCES public.users(id)
	//   posts_pkey: PRIMARY KEY (id)
	//   CREATE INDEX posts_author_id_idx ON public.posts USING btree (author_id)
	// users.id bigint default=""
	// users.email character varying(255) default=""
	//   users_email_key: UNIQUE (email)
	//   users_pkey: PRIMARY KEY (id)
}
