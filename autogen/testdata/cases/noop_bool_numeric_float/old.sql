CREATE TABLE t (a bool, b decimal(10,2), c float8, d float4, e float);
