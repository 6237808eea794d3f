#!/usr/bin/env python3
"""Writes the import benchmark's CSV: N rows, 6 columns, unique emails."""
import random, sys

n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
random.seed(1403)
first = ["Ali", "Sara", "Reza", "Maryam", "Anna", "Piotr", "Nurul", "Wei", "Emma", "Liam"]
last = ["Karimi", "Ahmadi", "Nowak", "Kowalski", "Ismail", "Tan", "Smith", "Brown"]
cities = ["Tehran", "Shiraz", "Kraków", "Gdańsk", "Kuala Lumpur", "London"]
with open(sys.argv[1], "w", encoding="utf-8", newline="") as f:
    f.write("email,first_name,last_name,phone,city,company\n")
    for i in range(n):
        f.write(f"user{i}@example.com,{random.choice(first)},{random.choice(last)},"
                f"+98912{1000000 + i % 9000000},{random.choice(cities)},Company {i % 5000}\n")
