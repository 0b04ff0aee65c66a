#!/bin/sh
# Initiates the replica set rs0 of mongodb-0..N-1 (N = MONGODB_MEMBERS) once; does nothing when it exists.
# Adding members later (1 → 3): scale the StatefulSet, then rs.add("mongodb-1.mongodb:27017") on the primary.
set -eu
members=""
i=0
while [ "$i" -lt "${MONGODB_MEMBERS:-1}" ]; do
  members="$members{ _id: $i, host: 'mongodb-$i.mongodb:27017' },"
  i=$((i + 1))
done
auth="--quiet --host mongodb-0.mongodb --username $MONGODB_USERNAME --password $MONGODB_PASSWORD --authenticationDatabase admin"
until mongosh $auth --eval 'db.adminCommand({ ping: 1 }).ok' >/dev/null 2>&1; do
  echo "waiting for mongodb-0"; sleep 5
done
mongosh $auth --eval "
  try { rs.status(); print('replica set rs0 exists'); }
  catch (e) {
    if (e.codeName !== 'NotYetInitialized') throw e;
    rs.initiate({ _id: 'rs0', members: [ $members ] });
    print('replica set rs0 initiated');
  }"
